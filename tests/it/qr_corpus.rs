//! Holds `qr::read` to the promise: it reads what people really save.
//! The generated corpus (`support/corpus.rs`) gives every class of picture
//! the issue lists; every class but phone photos must be read in full and
//! the whole corpus at 99% or better, the otpauth code always first.

use crate::support::corpus;

use std::collections::BTreeMap;

use corpus::Class;
use kapukulcs::qr::read::read_qr_codes;

fn is_otpauth(text: &str) -> bool {
    text.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("otpauth:"))
}

#[test]
fn reads_the_corpus() {
    let start = std::time::Instant::now();
    let samples = corpus::corpus(corpus::SEED, corpus::PER_CLASS);
    println!(
        "generated {} pictures in {:.1?}",
        samples.len(),
        start.elapsed()
    );
    let start = std::time::Instant::now();
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

    println!("decoded in {:.1?}", start.elapsed());
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
fn the_wanted_code_leads_whatever_its_place() {
    // The key sits in the middle of three codes; whichever text the caller
    // wants comes first, and asked for nothing every code is listed.
    let sample = corpus::sample(corpus::SEED, Class::Multi, 17);
    assert!(sample.name.contains("3codes-key1"), "{}", sample.name);
    let all = read_qr_codes(&sample.bytes, |_| false).expect("codes on a multi page");
    assert_eq!(all.len(), 3, "three codes: {all:?}");
    assert!(all.contains(&sample.expected), "the key is among {all:?}");
    for text in &all {
        let found = read_qr_codes(&sample.bytes, |t| t == text).expect("codes on a multi page");
        assert_eq!(&found[0], text);
    }
}
