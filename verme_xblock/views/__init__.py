"""The block's views and handlers, one mixin module per capability."""
