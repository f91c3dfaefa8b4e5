//! Holds `qr_read` to the promise: it reads what people really save.
//! The generated corpus (`support/corpus.rs`) gives every class of picture
//! the issue lists; every class but phone photos must be read in full and
//! the whole corpus at 99% or better, the otpauth code always first.

#[path = "support/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;

use corpus::Class;
use kapukulcs::qr_read::{QrReadError, read_qr_codes};

fn is_otpauth(text: &str) -> bool {
    text.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("otpauth:"))
}

#[test]
fn reads_the_corpus() {
    let samples = corpus::corpus(corpus::SEED, corpus::PER_CLASS);
    let mut tally: BTreeMap<Class, (usize, usize)> = BTreeMap::new();
    let mut missed = Vec::new();
    for sample in &samples {
        let result = read_qr_codes(&sample.bytes, is_otpauth);
        let entry = tally.entry(sample.class).or_default();
        entry.1 += 1;
        match &result {
            Ok(texts) if texts[0] == sample.expected => entry.0 += 1,
            other => missed.push(format!("{}: {other:?}", sample.name)),
        }
    }

    println!("{:<11}{:>6}{:>6}{:>8}", "class", "read", "of", "rate");
    for (class, (read, of)) in &tally {
        println!(
            "{:<11}{read:>6}{of:>6}{:>7.1}%",
            class.name(),
            100.0 * *read as f64 / *of as f64
        );
    }
    for miss in &missed {
        println!("missed {miss}");
    }

    for class in Class::ALL {
        let (read, of) = tally[&class];
        assert!(
            of >= 20,
            "the issue asks for at least 20 pictures of {}",
            class.name()
        );
        if class != Class::Photo {
            assert_eq!(
                read,
                of,
                "every {} picture must be read; missed: {missed:#?}",
                class.name()
            );
        }
    }
    let read: usize = tally.values().map(|t| t.0).sum();
    assert!(
        read * 100 >= samples.len() * 99,
        "read {read} of {} pictures, below 99%; missed: {missed:#?}",
        samples.len()
    );
}

#[test]
fn returns_every_code_when_none_is_wanted() {
    let (bytes, texts) = corpus::two_link_codes(corpus::SEED);
    let mut found = read_qr_codes(&bytes, is_otpauth).expect("two link codes");
    found.sort();
    let mut expected = texts.to_vec();
    expected.sort();
    assert_eq!(found, expected);
}

#[test]
fn puts_the_wanted_code_first() {
    let sample = corpus::sample(corpus::SEED, Class::Multi, 1);
    let found = read_qr_codes(&sample.bytes, |_| false).expect("codes on a multi page");
    assert!(
        found.len() >= 2,
        "a multi page has at least two codes: {found:?}"
    );
    let index = found
        .iter()
        .position(|t| *t == sample.expected)
        .expect("the key is among them");
    // Asked for nothing, every code is listed; asked for the key, it leads.
    let wanted =
        read_qr_codes(&sample.bytes, |t| t == found[index]).expect("codes on a multi page");
    assert_eq!(wanted[0], sample.expected);
}

#[test]
fn a_page_without_a_code_is_no_qr_code() {
    let page = image::RgbImage::from_fn(640, 360, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 200])
    });
    let mut bytes = std::io::Cursor::new(Vec::new());
    page.write_to(&mut bytes, image::ImageFormat::Png)
        .expect("PNG encodes");
    assert_eq!(
        read_qr_codes(bytes.get_ref(), is_otpauth),
        Err(QrReadError::NoQrCode)
    );
}
