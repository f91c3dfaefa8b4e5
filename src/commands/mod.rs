//! One module per subcommand. Each takes checked arguments and explicit
//! input, output and time, so tests drive it without a terminal.

pub mod code;
pub mod decode;
