"""The Label Studio round trip: labelling configuration, tasks out, gold back."""
