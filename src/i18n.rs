//! Every word a user reads comes from `locales/`: Hungarian first and
//! complete (it is also the fallback), English beside it. Message ids are
//! checked at compile time by the [`fl!`](crate::fl) macro against the
//! Hungarian file, and a test keeps the two languages' ids equal.

use std::sync::{
    LazyLock,
    atomic::{AtomicBool, Ordering},
};

use i18n_embed::{
    LanguageLoader,
    fluent::{FluentLanguageLoader, fluent_language_loader},
    unic_langid::LanguageIdentifier,
};
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Localizations;

/// The one loader every message goes through.
pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the Hungarian messages are embedded at build time");
    // Unicode isolation marks around arguments show up as stray characters
    // in terminals and in copied paths; rage turns them off too.
    loader.set_use_isolating(false);
    loader
});

/// Looks up a message by id (checked at compile time) with optional
/// arguments. Every argument goes through [`argument`] on its way in: the
/// one place where outside text (a name from a QR code, an issuer, a file
/// name) reaches a message, so none can carry a terminal sequence.
#[macro_export]
macro_rules! fl {
    ($message_id:literal) => {{
        i18n_embed_fl::fl!($crate::i18n::LOADER, $message_id)
    }};
    ($message_id:literal, $($name:ident = $value:expr),* $(,)?) => {{
        i18n_embed_fl::fl!(
            $crate::i18n::LOADER,
            $message_id,
            $($name = $crate::i18n::argument($value)),*
        )
    }};
}

/// What the system said about a file (or a stream), in the user's words:
/// the common [`std::io::ErrorKind`]s each have a message, so a Hungarian
/// screen never shows `No such file or directory (os error 2)`. Any other
/// system error is named by its code; an error the program made itself
/// (no system code) keeps its own words, which come from `locales/` too.
pub fn io_detail(error: &std::io::Error) -> String {
    use std::io::ErrorKind as Kind;
    match error.kind() {
        Kind::NotFound => crate::fl!("io-not-found"),
        Kind::PermissionDenied => crate::fl!("io-permission-denied"),
        Kind::AlreadyExists => crate::fl!("io-already-exists"),
        Kind::StorageFull => crate::fl!("io-storage-full"),
        Kind::QuotaExceeded => crate::fl!("io-quota-exceeded"),
        Kind::ReadOnlyFilesystem => crate::fl!("io-read-only"),
        Kind::IsADirectory => crate::fl!("io-is-a-directory"),
        Kind::NotADirectory => crate::fl!("io-not-a-directory"),
        Kind::DirectoryNotEmpty => crate::fl!("io-directory-not-empty"),
        Kind::InvalidFilename => crate::fl!("io-invalid-filename"),
        Kind::FileTooLarge => crate::fl!("io-file-too-large"),
        Kind::ResourceBusy | Kind::ExecutableFileBusy => crate::fl!("io-busy"),
        Kind::TooManyLinks => crate::fl!("io-too-many-links"),
        Kind::UnexpectedEof => crate::fl!("io-unexpected-end"),
        Kind::InvalidData => crate::fl!("io-invalid-data"),
        Kind::BrokenPipe => crate::fl!("io-broken-pipe"),
        Kind::Interrupted => crate::fl!("io-interrupted"),
        Kind::TimedOut => crate::fl!("io-timed-out"),
        Kind::OutOfMemory => crate::fl!("io-out-of-memory"),
        Kind::Unsupported => crate::fl!("io-unsupported"),
        Kind::CrossesDevices => crate::fl!("io-crosses-devices"),
        _ => match error.raw_os_error() {
            Some(code) => crate::fl!("io-other", code = code.to_string()),
            None => error.to_string(),
        },
    }
}

/// True for a character a terminal obeys rather than shows: every control
/// character (C0, DEL and C1: the escape that starts a terminal sequence,
/// a carriage return that rewrites the line, a bell) and every
/// bidirectional override or isolate (which reorders what follows it).
fn obeyed(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` made safe to print on a terminal or a page: every character a
/// terminal obeys is replaced by its escape, `\u{1b}`, so it is shown,
/// never obeyed. Everything else, accents included, is kept as it is.
pub fn printable(text: &str) -> String {
    escaped(text, obeyed)
}

/// A message argument, [`printable`] but for line breaks, which a message
/// made of other messages keeps.
pub fn argument(text: impl AsRef<str>) -> String {
    escaped(text.as_ref(), |ch| ch != '\n' && obeyed(ch))
}

fn escaped(text: &str, escape: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if escape(ch) {
            out.extend(ch.escape_unicode());
        } else {
            out.push(ch);
        }
    }
    out
}

/// An error as the user reads it: one line of what failed (an `err-…`
/// message) and, where it helps, one line of what to do (`rec-…`). Each
/// domain's error type implements it next to where it is raised, so its
/// words and its cause stay side by side (rage's `error.rs` does the same).
pub trait Explain {
    /// What failed, naming the file or value.
    fn message(&self) -> String;
    /// What the user can do about it, when there is something to say.
    fn recovery(&self) -> Option<String> {
        None
    }
}

/// Implements `Display` (the [`Explain::message`]) and `std::error::Error`
/// for an error type, so every error renders through Fluent the same way.
#[macro_export]
macro_rules! explained {
    ($($error:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::Explain::message(self))
            }
        }
        impl std::error::Error for $error {}
    )+};
}

/// Whether this run is the main menu (a double-click, or no command): the
/// person may have no terminal to type a command into, so advice names
/// the menu's items instead.
static MENU: AtomicBool = AtomicBool::new(false);

/// Marks this run as the main menu, for [`surface`].
pub fn started_as_menu() {
    MENU.store(true, Ordering::SeqCst);
}

/// The `surface` selector of a message whose advice differs between the
/// menu (`menu`: what to choose in it) and a terminal (`terminal`: the
/// command to type).
pub fn surface() -> &'static str {
    if MENU.load(Ordering::SeqCst) {
        "menu"
    } else {
        "terminal"
    }
}

/// The languages kapukulcs speaks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Magyar: the program's own language and the fallback.
    Hu,
    /// English.
    En,
}

impl Lang {
    /// Parses a `--lang` value or a locale name such as `en_GB.UTF-8`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "hu" => Some(Lang::Hu),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language the environment asks for (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`, or the system setting), falling back to Hungarian.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty())
            .or_else(sys_locale::get_locale)
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or(Lang::Hu)
    }

    fn identifier(self) -> LanguageIdentifier {
        match self {
            Lang::Hu => "hu".parse().expect("valid language tag"),
            Lang::En => "en".parse().expect("valid language tag"),
        }
    }
}

/// Switches every later message to `lang`.
pub fn select(lang: Lang) {
    let requested = [lang.identifier()];
    // Both languages are embedded, so loading cannot fail at run time; if it
    // somehow did, the Hungarian fallback stays in place.
    let _ = i18n_embed::select(&*LOADER, &Localizations, &requested);
    LOADER.set_use_isolating(false);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn message_ids(lang: &str) -> BTreeSet<String> {
        let file = format!("{lang}/kapukulcs.ftl");
        let bytes = Localizations::get(&file)
            .expect("locale file embedded")
            .data;
        let text = String::from_utf8(bytes.into_owned()).expect("UTF-8 locale file");
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{file} does not parse: {errors:?}"));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_message_ids() {
        let hu = message_ids("hu");
        let en = message_ids("en");
        let only_hu: Vec<_> = hu.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&hu).collect();
        assert!(
            only_hu.is_empty() && only_en.is_empty(),
            "only in Hungarian: {only_hu:?}; only in English: {only_en:?}"
        );
        assert!(hu.len() > 10, "the Hungarian file lost its messages");
    }

    /// Every `.rs` file under `dir`, read.
    fn sources(dir: &std::path::Path, into: &mut String) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                sources(&path, into);
            } else if path.extension().is_some_and(|e| e == "rs") {
                into.push_str(&std::fs::read_to_string(&path).expect("UTF-8 source"));
            }
        }
    }

    #[test]
    fn every_message_is_used_by_the_program() {
        // A message no code names is a translation kept up for nothing, and
        // a sign that the text a person sees has moved elsewhere. Ids are
        // always written whole (`fl!("id")`, `"id"` in a table), never
        // pieced together, so a search of the sources finds each one.
        let mut code = String::new();
        sources(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let unused: Vec<String> = message_ids("hu")
            .into_iter()
            .filter(|id| !id.starts_with('-') && !code.contains(&format!("\"{id}\"")))
            .collect();
        assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    }

    #[test]
    fn message_arguments_cannot_carry_terminal_sequences() {
        let hostile = "\u{1b}]0;pwned\u{7}\u{1b}[2J\rMama\u{202e}";
        let said = crate::fl!("info-removed", name = hostile);
        assert!(!said.chars().any(obeyed), "{said:?}");
        assert!(said.contains("\\u{1b}]0;pwned\\u{7}"), "{said}");
        assert_eq!(argument("a\nb\rc"), "a\nb\\u{d}c");
    }

    fn source(lang: &str) -> String {
        let file = format!("{lang}/kapukulcs.ftl");
        let bytes = Localizations::get(&file)
            .expect("locale file embedded")
            .data;
        String::from_utf8(bytes.into_owned()).expect("UTF-8 locale file")
    }

    /// Issue 18: each common system error has words of its own; an
    /// uncommon one is named by its code, never in the system's English.
    #[test]
    fn system_errors_are_told_in_words() {
        use std::io::{Error, ErrorKind};
        assert_eq!(
            io_detail(&Error::from(ErrorKind::NotFound)),
            crate::fl!("io-not-found")
        );
        #[cfg(unix)]
        {
            let said = io_detail(&Error::from_raw_os_error(libc::ENOENT));
            assert_eq!(said, "nincs ilyen fájl vagy mappa");
            let said = io_detail(&Error::from_raw_os_error(libc::ENOSPC));
            assert_eq!(said, "megtelt a lemez");
            let said = io_detail(&Error::from_raw_os_error(libc::ENOTSOCK));
            assert_eq!(
                said,
                format!("a rendszer hibát jelzett (hibakód: {})", libc::ENOTSOCK)
            );
        }
    }

    /// Issue 18: a quoted label on a page ("„A fenti…” mező", "„Tovább”
    /// gomb") takes the article a Hungarian reader expects: "az" before a
    /// vowel, "a" before a consonant, and never none.
    #[test]
    fn quoted_labels_take_the_right_article() {
        let text = source("hu");
        let nouns = ["gomb", "mező", "szöveg", "résznél", "menüpont", "fül"];
        let mut wrong = Vec::new();
        for (at, _) in text.match_indices('„') {
            let Some(length) = text[at..].find('”') else {
                continue;
            };
            let label = &text[at + '„'.len_utf8()..at + length];
            let after = &text[at + length + '”'.len_utf8()..];
            let noun = after.trim_start().split([' ', ',', '.', ':', ')']).next();
            if !after.starts_with(' ')
                || !noun.is_some_and(|n| nouns.iter().any(|s| n.starts_with(s)))
            {
                continue;
            }
            let before = text[..at].trim_end();
            let article = before
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("")
                .to_lowercase();
            let vowel = label
                .chars()
                .next()
                .is_some_and(|c| "aáeéiíoóöőuúüű".contains(c.to_lowercase().next().unwrap_or(c)));
            let expected = if vowel { "az" } else { "a" };
            if article != expected {
                let line = text[..at].lines().count();
                wrong.push(format!("line {line}: {article} „{label}”, not {expected}"));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    /// Issue 18: a Hungarian date ends with its own period ("2026. 12.
    /// 04."), so a sentence that ends with one must not add a second.
    #[test]
    fn no_sentence_period_follows_a_date() {
        for lang in ["hu", "en"] {
            let text = source(lang);
            let date_format = text
                .lines()
                .find(|l| l.starts_with("date-format ="))
                .unwrap_or_else(|| panic!("{lang}: no date-format"));
            if !date_format.trim_end().ends_with('.') {
                continue;
            }
            let doubled: Vec<&str> = text
                .lines()
                .filter(|l| l.contains("$date}.") || l.contains("$date }."))
                .collect();
            assert!(doubled.is_empty(), "{lang}: {doubled:#?}");
        }
    }

    #[test]
    fn language_tags_from_locales() {
        assert!(Lang::from_tag("hu_HU.UTF-8") == Some(Lang::Hu));
        assert!(Lang::from_tag("en-GB") == Some(Lang::En));
        assert!(Lang::from_tag("de_DE").is_none());
        assert!(Lang::from_tag("").is_none());
    }
}
