//! Hostile inputs: renderers.
