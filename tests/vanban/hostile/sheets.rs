//! Hostile inputs: sheets.
