"""coopie's spaCy components, one module each, registered as factories."""
