//! The command line: Hungarian subcommand names without accents, English
//! aliases, help text from `locales/`. Raw arguments become a checked
//! [`Command`] before anything runs (ripgrep's low-args -> high-args).

use std::{ffi::OsString, path::PathBuf};

use clap::{Arg, ArgAction, ArgMatches, error::ContextKind, error::ContextValue, error::ErrorKind};

use crate::{
    commands::add::{AddArgs, Source},
    error::Error,
    fl,
    i18n::Lang,
    otpauth::{Algorithm, DEFAULT_DIGITS, DEFAULT_PERIOD},
    secret::SecretString,
    vault::Keys,
};

/// Options every bundle command shares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleOpts {
    /// `--bundle`: the bundle file; `None` is the default in the data folder.
    pub bundle: Option<PathBuf>,
    /// Key material from the command line.
    pub keys: Keys,
}

/// What the user asked for, checked.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// `hozzaadas`: add a person without questions.
    Add(BundleOpts, AddArgs),
    /// `lista`: who is in the bundle.
    List(BundleOpts),
    /// `torles`: take a person out.
    Remove {
        /// Bundle options.
        opts: BundleOpts,
        /// Whom.
        name: String,
        /// `--yes`: no confirmation question.
        yes: bool,
    },
    /// `nyomtatas`: write the PDF sheet.
    Print {
        /// Bundle options.
        opts: BundleOpts,
        /// `--output`.
        output: Option<PathBuf>,
    },
    /// `visszaallitas`: put the accounts back on a phone.
    Restore(BundleOpts, crate::commands::restore::RestoreArgs),
    /// `ellenorzes`: whose code is this?
    Check {
        /// Bundle options.
        opts: BundleOpts,
        /// Codes given on the command line.
        codes: Vec<String>,
        /// `--live`.
        live: bool,
    },
    /// `importalas`: accounts from another app.
    Import {
        /// Bundle options.
        opts: BundleOpts,
        /// The files.
        files: Vec<PathBuf>,
    },
    /// `exportalas`: accounts for another app.
    Export {
        /// Bundle options.
        opts: BundleOpts,
        /// `--format`.
        format: crate::commands::export::Format,
        /// `--output`.
        output: PathBuf,
    },
    /// No subcommand: the main menu.
    Menu(BundleOpts),
    /// `beallitas`: the guided registration.
    Setup {
        /// Bundle options.
        opts: BundleOpts,
        /// `--dir`: the working folder for screenshots and the sheet.
        dir: Option<PathBuf>,
        /// Answers given as flags.
        answers: crate::wizard::Answers,
    },
    /// `demo`: a made-up family in a folder.
    Demo {
        /// `--dir`: where; a new temporary folder when `None`.
        dir: Option<PathBuf>,
    },
    /// Print the help (no subcommand given).
    Help(String),
    /// Print the version.
    Version(String),
    /// `kod`: the current code of a key or URI read from standard input.
    Code(CodeArgs),
    /// `dekodol`: the otpauth URI in each picture.
    Decode {
        /// The pictures, in the order given.
        images: Vec<PathBuf>,
    },
}

/// Options of `kod`.
#[derive(Debug, PartialEq, Eq)]
pub struct CodeArgs {
    /// Compute for this Unix time instead of now.
    pub time: Option<u64>,
    /// Digits for a bare key (a URI carries its own).
    pub digits: u8,
    /// Period for a bare key.
    pub period: u32,
    /// Algorithm for a bare key.
    pub algorithm: Algorithm,
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

fn help_flag() -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(fl!("help-help"))
        .help_heading(fl!("help-options-heading"))
        .global(true)
}

/// Usage line in the user's language (clap's own says `[OPTIONS]`).
fn usage(rest: &str) -> String {
    format!("kapukulcs {rest}")
}

fn subcommand(name: &'static str, alias: &'static str, about: String, rest: &str) -> clap::Command {
    let command = clap::Command::new(name);
    let command = if alias == name {
        command
    } else {
        command.visible_alias(alias)
    };
    command
        .about(about)
        .override_usage(usage(&format!("{name} {rest}")))
        .next_help_heading(fl!("help-options-heading"))
        .disable_help_flag(true)
        .arg(help_flag())
        .help_template(template())
}

fn template() -> String {
    format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        fl!("help-usage-heading")
    )
}

/// An option that takes a file or folder path.
fn path_arg(id: &'static str, value_name: String, help: String) -> Arg {
    Arg::new(id)
        .long(id)
        .value_name(value_name)
        .value_parser(clap::value_parser!(PathBuf))
        .help(help)
}

/// An on/off option.
fn flag_arg(id: &'static str, help: String) -> Arg {
    Arg::new(id).long(id).action(ArgAction::SetTrue).help(help)
}

/// The answers about a person that both `hozzaadas` and `beallitas` take.
fn person_args() -> [Arg; 4] {
    [
        Arg::new("name")
            .long("name")
            .value_name(fl!("help-value-name"))
            .help(fl!("help-add-name")),
        Arg::new("username")
            .long("username")
            .value_name(fl!("help-value-username"))
            .help(fl!("help-add-username")),
        path_arg("image", fl!("help-value-image"), fl!("help-add-image")),
        Arg::new("deletion-code")
            .long("deletion-code")
            .value_name("12345678")
            .help(fl!("help-add-deletion-code")),
    ]
}

/// The clap command tree, with every word from `locales/`.
pub fn command() -> clap::Command {
    let options = fl!("help-options-heading");
    let options_placeholder = format!("[{}]", fl!("help-options-value"));
    clap::Command::new("kapukulcs")
        .version(env!("CARGO_PKG_VERSION"))
        .about(fl!("help-about"))
        .after_help(fl!("help-long"))
        .override_usage(usage(&format!(
            "[{}] [{}]",
            fl!("help-options-value"),
            fl!("help-command-value")
        )))
        .help_template(template())
        .subcommand_help_heading(fl!("help-commands-heading"))
        .subcommand_value_name(fl!("help-command-value"))
        .next_help_heading(options)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(help_flag())
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(fl!("help-version")),
        )
        .arg(
            Arg::new("lang")
                .long("lang")
                .value_name("hu|en")
                .value_parser(["hu", "en"])
                .hide_possible_values(true)
                .global(true)
                .help(fl!("help-lang")),
        )
        .arg(
            Arg::new("bundle")
                .long("bundle")
                .value_name(fl!("help-value-file"))
                .value_parser(clap::value_parser!(PathBuf))
                .global(true)
                .help(fl!("help-bundle")),
        )
        .arg(
            Arg::new("passphrase-file")
                .long("passphrase-file")
                .value_name(fl!("help-value-file"))
                .value_parser(clap::value_parser!(PathBuf))
                .global(true)
                .help(fl!("help-passphrase-file")),
        )
        .arg(
            Arg::new("recipient")
                .short('r')
                .long("recipient")
                .value_name("age1…")
                .action(ArgAction::Append)
                .global(true)
                .help(fl!("help-recipient")),
        )
        .arg(
            Arg::new("identity")
                .short('i')
                .long("identity")
                .value_name(fl!("help-value-file"))
                .value_parser(clap::value_parser!(PathBuf))
                .action(ArgAction::Append)
                .global(true)
                .help(fl!("help-identity")),
        )
        .subcommand(
            subcommand("hozzaadas", "add", fl!("help-add"), &options_placeholder)
                .args(person_args())
                .mut_arg("name", |arg| arg.required(true))
                .arg(
                    Arg::new("uri")
                        .long("uri")
                        .value_name("-")
                        .value_parser(["-"])
                        .hide_possible_values(true)
                        .help(fl!("help-add-uri")),
                )
                .arg(
                    Arg::new("key")
                        .long("key")
                        .value_name("-")
                        .value_parser(["-"])
                        .hide_possible_values(true)
                        .help(fl!("help-add-key")),
                )
                .group(
                    clap::ArgGroup::new("source")
                        .args(["image", "uri", "key"])
                        .required(true),
                )
                .arg(
                    Arg::new("note")
                        .long("note")
                        .value_name(fl!("help-value-text"))
                        .help(fl!("help-add-note")),
                ),
        )
        .subcommand(
            subcommand(
                "beallitas",
                "setup",
                fl!("help-setup"),
                &options_placeholder,
            )
            .arg(path_arg(
                "dir",
                fl!("help-value-folder"),
                fl!(
                    "help-setup-dir",
                    dir = crate::platform::default_workspace().display().to_string()
                ),
            ))
            .args(person_args()),
        )
        .subcommand(subcommand(
            "lista",
            "list",
            fl!("help-list"),
            &options_placeholder,
        ))
        .subcommand(
            subcommand(
                "torles",
                "remove",
                fl!("help-remove"),
                &format!("{options_placeholder} <{}>", fl!("help-value-name")),
            )
            .arg(
                Arg::new("name")
                    .value_name(fl!("help-value-name"))
                    .required(true)
                    .help_heading(fl!("help-arguments-heading"))
                    .help(fl!("help-remove-name")),
            )
            .arg(
                Arg::new("yes")
                    .long("yes")
                    .short('y')
                    .action(ArgAction::SetTrue)
                    .help(fl!("help-remove-yes")),
            ),
        )
        .subcommand(
            subcommand(
                "nyomtatas",
                "print",
                fl!("help-print"),
                &options_placeholder,
            )
            .arg(
                Arg::new("output")
                    .long("output")
                    .short('o')
                    .value_name(fl!("help-value-file"))
                    .value_parser(clap::value_parser!(PathBuf))
                    .help(fl!("help-print-output")),
            ),
        )
        .subcommand(
            subcommand("demo", "demo", fl!("help-demo"), &options_placeholder).arg(path_arg(
                "dir",
                fl!("help-value-folder"),
                fl!("help-demo-dir"),
            )),
        )
        .subcommand(
            subcommand(
                "visszaallitas",
                "restore",
                fl!("help-restore"),
                &options_placeholder,
            )
            .arg(
                Arg::new("only")
                    .long("only")
                    .value_name(fl!("help-value-name"))
                    .action(ArgAction::Append)
                    .help(fl!("help-restore-only")),
            )
            .arg(path_arg(
                "png",
                fl!("help-value-folder"),
                fl!("help-restore-png"),
            ))
            .arg(path_arg(
                "pdf",
                fl!("help-value-file"),
                fl!("help-restore-pdf"),
            ))
            .arg(flag_arg("google", fl!("help-restore-google"))),
        )
        .subcommand(
            subcommand(
                "ellenorzes",
                "check",
                fl!("help-check"),
                &options_placeholder,
            )
            .arg(
                Arg::new("codes")
                    .value_name("123456")
                    .num_args(0..)
                    .help_heading(fl!("help-arguments-heading"))
                    .help(fl!("help-check-codes")),
            )
            .arg(flag_arg("live", fl!("help-check-live"))),
        )
        .subcommand(
            subcommand(
                "importalas",
                "import",
                fl!("help-import"),
                &format!("{options_placeholder} <{}>...", fl!("help-value-file")),
            )
            .arg(
                Arg::new("files")
                    .value_name(fl!("help-value-file"))
                    .required(true)
                    .num_args(1..)
                    .value_parser(clap::value_parser!(PathBuf))
                    .help_heading(fl!("help-arguments-heading"))
                    .help(fl!("help-import-files")),
            ),
        )
        .subcommand(
            subcommand(
                "exportalas",
                "export",
                fl!("help-export"),
                &options_placeholder,
            )
            .arg(
                Arg::new("format")
                    .long("format")
                    .value_name("aegis|uri")
                    .value_parser(["aegis", "uri"])
                    .hide_possible_values(true)
                    .required(true)
                    .help(fl!("help-export-format")),
            )
            .arg(
                Arg::new("output")
                    .long("output")
                    .short('o')
                    .value_name(fl!("help-value-file"))
                    .value_parser(clap::value_parser!(PathBuf))
                    .required(true)
                    .help(fl!("help-export-output")),
            ),
        )
        .subcommand(
            subcommand("kod", "code", fl!("help-code"), &options_placeholder)
                .arg(
                    Arg::new("time")
                        .long("time")
                        .value_name(fl!("help-value-unix"))
                        .value_parser(clap::value_parser!(u64))
                        .help(fl!("help-code-time")),
                )
                .arg(
                    Arg::new("digits")
                        .long("digits")
                        .value_name("6|8")
                        .value_parser(["6", "8"])
                        .hide_possible_values(true)
                        .help(fl!("help-code-digits")),
                )
                .arg(
                    Arg::new("period")
                        .long("period")
                        .value_name(fl!("help-value-seconds"))
                        .value_parser(clap::value_parser!(u32).range(1..=3600))
                        .help(fl!("help-code-period")),
                )
                .arg(
                    Arg::new("algorithm")
                        .long("algorithm")
                        .value_name("SHA1|SHA256|SHA512")
                        .value_parser(["SHA1", "SHA256", "SHA512"])
                        .hide_possible_values(true)
                        .ignore_case(true)
                        .help(fl!("help-code-algorithm")),
                ),
        )
        .subcommand(
            subcommand(
                "dekodol",
                "decode",
                fl!("help-decode"),
                &format!("{options_placeholder} <{}>...", fl!("help-value-image")),
            )
            .arg(
                Arg::new("images")
                    .value_name(fl!("help-value-image"))
                    .required(true)
                    .num_args(1..)
                    .value_parser(clap::value_parser!(PathBuf))
                    .help_heading(fl!("help-arguments-heading"))
                    .help(fl!("help-decode-images")),
            ),
        )
}

/// Turns clap's error into one line in the user's language.
fn args_error(error: &clap::Error) -> Error {
    let context = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let detail = match error.kind() {
        ErrorKind::UnknownArgument => {
            fl!("err-args-unknown", arg = context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidSubcommand => {
            fl!(
                "err-args-subcommand",
                arg = context(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::MissingRequiredArgument => {
            fl!("err-args-missing", arg = context(ContextKind::InvalidArg))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => fl!(
            "err-args-value",
            arg = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue)
        ),
        ErrorKind::NoEquals
        | ErrorKind::TooManyValues
        | ErrorKind::TooFewValues
        | ErrorKind::WrongNumberOfValues
        | ErrorKind::ArgumentConflict => {
            fl!(
                "err-args-value",
                arg = context(ContextKind::InvalidArg),
                value = ""
            )
        }
        _ => fl!("err-args-other"),
    };
    Error::Args(detail)
}

/// Parses the arguments (the program name first) into a checked command.
pub fn parse(args: &[OsString]) -> Result<Command, Error> {
    let matches = match command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => {
            return match error.kind() {
                ErrorKind::DisplayHelp => Ok(Command::Help(error.render().to_string())),
                ErrorKind::DisplayVersion => Ok(Command::Version(error.render().to_string())),
                _ => Err(args_error(&error)),
            };
        }
    };
    Ok(match matches.subcommand() {
        Some(("hozzaadas", sub)) => Command::Add(bundle_opts(sub), add_args(sub)),
        Some(("lista", sub)) => Command::List(bundle_opts(sub)),
        Some(("visszaallitas", sub)) => Command::Restore(
            bundle_opts(sub),
            crate::commands::restore::RestoreArgs {
                only: sub
                    .get_many::<String>("only")
                    .map(|v| v.cloned().collect())
                    .unwrap_or_default(),
                png: sub.get_one::<PathBuf>("png").cloned(),
                pdf: sub.get_one::<PathBuf>("pdf").cloned(),
                google: sub.get_flag("google"),
            },
        ),
        Some(("ellenorzes", sub)) => Command::Check {
            opts: bundle_opts(sub),
            codes: sub
                .get_many::<String>("codes")
                .map(|v| v.cloned().collect())
                .unwrap_or_default(),
            live: sub.get_flag("live"),
        },
        Some(("importalas", sub)) => Command::Import {
            opts: bundle_opts(sub),
            files: sub
                .get_many::<PathBuf>("files")
                .map(|v| v.cloned().collect())
                .unwrap_or_default(),
        },
        Some(("exportalas", sub)) => Command::Export {
            opts: bundle_opts(sub),
            format: match sub.get_one::<String>("format").map(String::as_str) {
                Some("aegis") => crate::commands::export::Format::Aegis,
                _ => crate::commands::export::Format::Uris,
            },
            output: sub
                .get_one::<PathBuf>("output")
                .cloned()
                .unwrap_or_default(),
        },
        Some(("beallitas", sub)) => Command::Setup {
            opts: bundle_opts(sub),
            dir: sub.get_one::<PathBuf>("dir").cloned(),
            answers: crate::wizard::Answers {
                name: sub.get_one::<String>("name").cloned(),
                username: sub.get_one::<String>("username").cloned(),
                image: sub.get_one::<PathBuf>("image").cloned(),
                deletion_code: sub
                    .get_one::<String>("deletion-code")
                    .cloned()
                    .map(SecretString::new),
            },
        },
        Some(("torles", sub)) => Command::Remove {
            opts: bundle_opts(sub),
            name: sub.get_one::<String>("name").cloned().unwrap_or_default(),
            yes: sub.get_flag("yes"),
        },
        Some(("nyomtatas", sub)) => Command::Print {
            opts: bundle_opts(sub),
            output: sub.get_one::<PathBuf>("output").cloned(),
        },
        Some(("demo", sub)) => Command::Demo {
            dir: sub.get_one::<PathBuf>("dir").cloned(),
        },
        Some(("kod", sub)) => Command::Code(code_args(sub)),
        Some(("dekodol", sub)) => Command::Decode {
            images: sub
                .get_many::<PathBuf>("images")
                .map(|images| images.cloned().collect())
                .unwrap_or_default(),
        },
        _ => Command::Menu(bundle_opts(&matches)),
    })
}

fn bundle_opts(matches: &ArgMatches) -> BundleOpts {
    BundleOpts {
        bundle: matches.get_one::<PathBuf>("bundle").cloned(),
        keys: Keys {
            passphrase_file: matches.get_one::<PathBuf>("passphrase-file").cloned(),
            recipients: matches
                .get_many::<String>("recipient")
                .map(|r| r.cloned().collect())
                .unwrap_or_default(),
            identities: matches
                .get_many::<PathBuf>("identity")
                .map(|i| i.cloned().collect())
                .unwrap_or_default(),
            work_factor: None,
        },
    }
}

fn add_args(matches: &ArgMatches) -> AddArgs {
    let source = if let Some(image) = matches.get_one::<PathBuf>("image") {
        Source::Image(image.clone())
    } else if matches.contains_id("uri") {
        Source::Uri
    } else {
        Source::Key
    };
    AddArgs {
        name: matches
            .get_one::<String>("name")
            .cloned()
            .unwrap_or_default(),
        username: matches.get_one::<String>("username").cloned(),
        source,
        deletion_code: matches
            .get_one::<String>("deletion-code")
            .cloned()
            .map(SecretString::new),
        note: matches.get_one::<String>("note").cloned(),
    }
}

fn code_args(matches: &ArgMatches) -> CodeArgs {
    CodeArgs {
        time: matches.get_one::<u64>("time").copied(),
        digits: matches
            .get_one::<String>("digits")
            .and_then(|d| d.parse().ok())
            .unwrap_or(DEFAULT_DIGITS),
        period: matches
            .get_one::<u32>("period")
            .copied()
            .unwrap_or(DEFAULT_PERIOD),
        algorithm: match matches
            .get_one::<String>("algorithm")
            .map(|a| a.to_ascii_uppercase())
            .as_deref()
        {
            Some("SHA256") => Algorithm::Sha256,
            Some("SHA512") => Algorithm::Sha512,
            _ => Algorithm::Sha1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            parsed,
            Command::Code(CodeArgs {
                time: Some(59),
                digits: 8,
                period: 30,
                algorithm: Algorithm::Sha256
            })
        );
        assert!(parse(&args(&["kapukulcs", "kod", "--digits", "7"])).is_err());
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
}
