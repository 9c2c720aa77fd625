"""The bottom layer: errors, text normalisation and the resolver of typed names."""
