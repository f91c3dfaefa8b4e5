//! The command line: the program's options and its subcommands, declared
//! once with clap's derive API (the subcommands and their options live in
//! [`commands`]), every word from `locales/`. Raw arguments become a checked
//! [`Cli`] before anything runs (ripgrep's low-args -> high-args); a
//! clap error becomes one line in the user's language.

use std::{
    ffi::OsString,
    io::{self, Write},
};

use clap::{
    ArgAction, CommandFactory, FromArgMatches, Parser,
    error::{ContextKind, ContextValue, ErrorKind},
};

use crate::{
    commands::{
        self, Command, help_template,
        options::{BundleArgs, HelpFlag},
    },
    error::Error,
    fl,
    i18n::Lang,
    prompter::Output,
};

/// What the user asked for, checked.
#[derive(Debug, PartialEq, Eq, Parser)]
#[command(
    name = "kapukulcs",
    version,
    about = fl!("help-about"),
    after_help = fl!("help-long"),
    override_usage = format!(
        "kapukulcs [{}] [{}]",
        fl!("help-options-value"),
        fl!("help-command-value")
    ),
    help_template = help_template(),
    subcommand_help_heading = fl!("help-commands-heading"),
    subcommand_value_name = fl!("help-command-value"),
    next_help_heading = fl!("help-options-heading"),
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// `-h`, `--help`.
    #[command(flatten)]
    help: HelpFlag,
    /// `-V`, `--version`.
    #[arg(short = 'V', long, action = ArgAction::Version, help = fl!("help-version"))]
    version: Option<bool>,
    /// `--lang`: read before parsing (see [`language_from_args`]); declared
    /// here so that the help shows it and the parse accepts it.
    #[arg(
        long,
        global = true,
        value_name = "hu|en",
        value_parser = ["hu", "en"],
        hide_possible_values = true,
        help = fl!("help-lang")
    )]
    lang: Option<String>,
    /// The bundle and the keys to it, for every command.
    #[command(flatten)]
    pub bundle: BundleArgs,
    /// The subcommand; none opens the main menu.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What a parse gives: a command to run, or text clap has to show.
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    /// Run this (boxed: the options are large beside a help text).
    Run(Box<Cli>),
    /// Print the help.
    Help(String),
    /// Print the version.
    Version(String),
}

/// Finds `--lang` before the real parse, because the help text itself must
/// already be in the chosen language.
pub fn language_from_args(args: &[OsString]) -> Result<Option<Lang>, Error> {
    let mut iter = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        let value = if arg == "--lang" {
            iter.next().map(|v| v.into_owned())
        } else {
            arg.strip_prefix("--lang=").map(str::to_owned)
        };
        if let Some(value) = value {
            return match value.as_str() {
                "hu" => Ok(Some(Lang::Hu)),
                "en" => Ok(Some(Lang::En)),
                _ => Err(Error::Lang(value)),
            };
        }
    }
    Ok(None)
}

/// A word the user typed on the command line, as a message may name it:
/// an option by its name (what follows `=` left out), anything else by its
/// place alone. A key or URI typed where it does not belong must not come
/// back on the screen (clap's own messages quote it).
fn typed_word(word: &str, args: &[OsString]) -> String {
    if word.starts_with('-') {
        return word.split('=').next().unwrap_or_default().to_owned();
    }
    let position = args
        .iter()
        .skip(1)
        .position(|arg| arg.to_string_lossy() == word)
        .map_or(String::new(), |index| (index + 1).to_string());
    fl!("args-position", position = position)
}

/// Turns clap's error into one line in the user's language. A value is
/// never repeated: an option is named, a word by its place.
fn args_error(error: &clap::Error, args: &[OsString]) -> Error {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let option = context(ContextKind::InvalidArg);
    let detail = match error.kind() {
        ErrorKind::UnknownArgument => {
            fl!("err-args-unknown", arg = typed_word(&option, args))
        }
        ErrorKind::InvalidSubcommand => {
            let word = context(ContextKind::InvalidSubcommand);
            fl!("err-args-subcommand", arg = typed_word(&word, args))
        }
        ErrorKind::MissingRequiredArgument => fl!("err-args-missing", arg = option),
        ErrorKind::ValueValidation
            if std::error::Error::source(error)
                .is_some_and(|source| source.is::<commands::add::OnCommandLine>()) =>
        {
            let name = option.split(' ').next().unwrap_or_default();
            fl!("err-args-stdin-only", arg = name)
        }
        ErrorKind::InvalidValue
        | ErrorKind::ValueValidation
        | ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::ArgumentConflict => fl!("err-args-value", arg = option),
        _ => fl!("err-args-other"),
    };
    Error::Args(detail)
}

/// The clap command tree, with every word from `locales/`.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Parses the arguments (the program name first) into a checked command.
pub fn parse(args: &[OsString]) -> Result<Parsed, Error> {
    let checked = command()
        .try_get_matches_from(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    match checked {
        Ok(cli) => Ok(Parsed::Run(Box::new(cli))),
        Err(error) => match error.kind() {
            ErrorKind::DisplayHelp => Ok(Parsed::Help(error.render().to_string())),
            ErrorKind::DisplayVersion => Ok(Parsed::Version(error.render().to_string())),
            _ => Err(args_error(&error, args)),
        },
    }
}

/// Runs the command line `args` (program name first) with the process's
/// standard streams and clock.
pub fn run(args: &[OsString]) -> Result<(), Error> {
    match parse(args)? {
        Parsed::Help(text) | Parsed::Version(text) => {
            let mut out = Output::new(io::stdout());
            // A failure is kept by `out` and reported by `finish`.
            let _ = write!(out, "{text}");
            Ok(out.finish()?)
        }
        Parsed::Run(cli) => commands::run(cli.command, cli.bundle),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{commands::code::CodeArgs, formats::otpauth::Algorithm};

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_command_tree_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn hungarian_names_and_english_aliases_mean_the_same() {
        for (hu, en) in [("kod", "code"), ("dekodol", "decode")] {
            let extra = if hu == "dekodol" {
                vec!["a.png"]
            } else {
                vec![]
            };
            let mut with_hu = vec!["kapukulcs", hu];
            with_hu.extend(&extra);
            let mut with_en = vec!["kapukulcs", en];
            with_en.extend(&extra);
            assert_eq!(
                parse(&args(&with_hu)).unwrap(),
                parse(&args(&with_en)).unwrap()
            );
        }
    }

    #[test]
    fn key_commands_have_english_aliases() {
        let add = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";
        for (hu, en) in [("jelszo", "passphrase"), ("kulcsok", "recipients")] {
            let with_hu = parse(&args(&["kapukulcs", hu, "--yes"])).unwrap();
            assert_eq!(with_hu, parse(&args(&["kapukulcs", en, "-y"])).unwrap());
        }
        let Parsed::Run(cli) = parse(&args(&["kapukulcs", "kulcsok", "--add", add])).unwrap()
        else {
            panic!("not a command");
        };
        assert!(matches!(cli.command, Some(Command::Keys(options)) if options.add == [add]));
    }

    #[test]
    fn code_options_are_checked() {
        let parsed = parse(&args(&[
            "kapukulcs",
            "kod",
            "--time",
            "59",
            "--digits",
            "8",
            "--algorithm",
            "sha256",
        ]))
        .unwrap();
        let Parsed::Run(cli) = parsed else {
            panic!("not a command: {parsed:?}");
        };
        let Some(Command::Code(options)) = cli.command else {
            panic!("not the code command: {cli:?}");
        };
        assert_eq!(
            options.checked(),
            CodeArgs {
                time: Some(59),
                digits: 8,
                period: 30,
                algorithm: Algorithm::Sha256
            }
        );
        assert!(parse(&args(&["kapukulcs", "kod", "--digits", "9"])).is_err());
        assert!(parse(&args(&["kapukulcs", "kod", "--digits", "7"])).is_ok());
        assert!(parse(&args(&["kapukulcs", "kod", "--period", "0"])).is_err());
    }

    #[test]
    fn language_is_found_before_parsing() {
        assert!(
            language_from_args(&args(&["k", "--lang", "en", "kod"])).unwrap() == Some(Lang::En)
        );
        assert!(language_from_args(&args(&["k", "kod", "--lang=hu"])).unwrap() == Some(Lang::Hu));
        assert!(language_from_args(&args(&["k", "kod"])).unwrap().is_none());
        assert!(matches!(
            language_from_args(&args(&["k", "--lang", "de"])),
            Err(Error::Lang(value)) if value == "de"
        ));
    }

    #[test]
    fn decode_needs_an_image() {
        assert!(matches!(
            parse(&args(&["kapukulcs", "dekodol"])),
            Err(Error::Args(_))
        ));
    }

    #[test]
    fn no_command_is_the_menu_and_an_unknown_one_an_error() {
        assert!(matches!(
            parse(&args(&["kapukulcs"])),
            Ok(Parsed::Run(cli)) if cli.command.is_none()
        ));
        assert!(matches!(
            parse(&args(&["kapukulcs", "nincsilyen"])),
            Err(Error::Args(_))
        ));
    }
}
