"""Reading input documents and writing output records."""
