//! One module per subcommand. Each takes checked arguments and explicit
//! input, output, prompter and time, so tests drive it without a terminal.

pub mod add;
pub mod check;
pub mod code;
pub mod context;
pub mod decode;
pub mod demo;
pub mod export;
pub mod import;
pub mod list;
pub mod print;
pub mod remove;
pub mod restore;
