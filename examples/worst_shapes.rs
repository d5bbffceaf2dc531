//! Writes the worst shapes of year data the limits allow (the corpus of the hostile tests,
//! `tests/vanban/worst_shapes.rs`) into a directory, one `<kind>--<shape>.json` each, for
//! `scripts/bench-worst.sh` to render and measure.
//!
//! Usage: `worst_shapes DIR`.

#[path = "../tests/vanban/worst_shapes.rs"]
mod worst_shapes;

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os()
        .nth(1)
        .map(std::path::PathBuf::from)
        .expect("usage: worst_shapes DIR");
    std::fs::create_dir_all(&dir)?;
    for shape in worst_shapes::all() {
        let path = dir.join(format!("{}--{}.json", shape.kind, shape.name));
        std::fs::write(path, serde_json::to_vec(&shape.data)?)?;
    }
    Ok(())
}
