//! The thin binary: prepare the console, choose the language, run the
//! library, turn an error into a message in that language and a non-zero
//! exit code.

use std::{ffi::OsString, io, process::ExitCode};

use kapukulcs::{
    cli,
    error::report,
    fl,
    i18n::{self, Lang},
    platform::Console,
};

fn main() -> ExitCode {
    let console = Console::start();
    let code = run();
    // A double-clicked window would close with the last message unread.
    console.finish(&fl!("console-press-enter"));
    code
}

fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = match cli::language_from_args(&args) {
        Ok(lang) => lang.unwrap_or_else(Lang::from_environment),
        Err(error) => {
            i18n::select(Lang::from_environment());
            report(&mut io::stderr(), &error);
            return ExitCode::from(error.exit_code());
        }
    };
    i18n::select(lang);
    match cli::run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&mut io::stderr(), &error);
            ExitCode::from(error.exit_code())
        }
    }
}
