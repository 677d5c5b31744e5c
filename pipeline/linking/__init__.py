"""Plain functions that link figures to their context (ANNOTATION.md §3); the
`coopie_claims` component calls them. They work on text offsets and plain mentions, not Docs."""
