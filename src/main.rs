//! The `claimdex` binary: parses flags, calls the library, renders.

fn main() {
    println!("claimdex {}", env!("CARGO_PKG_VERSION"));
}
