"""Pages a person reads: `coopie show`."""
