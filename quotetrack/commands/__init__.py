"""One module per command group: parse arguments, call the library, hand results to render."""
