//! A key typed by hand, compared with the key the QR code holds (step 3 of
//! the wizard). People copy the 20 characters from the Ügyfélkapu+ page by
//! eye, so a key that differs in a character or two is a typo to point
//! at, not a stale screenshot; only a wholly different key means that one
//! of the two is old. Digits that RFC 4648's base32 alphabet leaves out
//! because they look like letters (0 for O, 1 for I or L, 8 for B) are read
//! as the letter the QR code has there. Pure: text in, a diagnosis out.

use zeroize::Zeroizing;

use crate::formats::otpauth::Key;

/// At most this many typed, missing or extra characters still count as a
/// typo. Two unrelated 20-character base32 keys differ in about 19 places
/// (each position matches by chance one time in 32), so there is plenty
/// of room between a slip of the hand and a different key.
pub const MAX_TYPOS: usize = 3;

/// A digit base32 does not use, read as the letter the QR code has there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookAlike {
    /// 1-based position in the key.
    pub position: usize,
    /// What was typed: `0`, `1` or `8`.
    pub typed: char,
    /// The letter it was taken for.
    pub meant: char,
}

/// One slip of the hand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Typo {
    /// The key's character at `position` (1-based) was typed as `typed`.
    Wrong {
        /// 1-based position in the key.
        position: usize,
        /// What was typed there.
        typed: char,
        /// What the QR code's key has there.
        expected: char,
    },
    /// The key's character at `position` (1-based) was left out.
    Missing {
        /// 1-based position in the key.
        position: usize,
        /// The character that is missing.
        expected: char,
    },
    /// The typed character at `position` (1-based, separators not counted)
    /// is one too many.
    Extra {
        /// 1-based position in what was typed.
        position: usize,
        /// The extra character.
        typed: char,
    },
}

/// How the typed key relates to the QR code's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparison {
    /// The same key (look-alike digits taken as their letters).
    Same,
    /// The same key but for these few slips.
    Typos(Vec<Typo>),
    /// Another key altogether: one of the two is stale (or the text is not
    /// a key at all).
    Different,
}

/// The verdict on a typed key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// Same, a typo, or another key.
    pub comparison: Comparison,
    /// Look-alike digits read as letters (empty for [`Comparison::Different`]).
    pub look_alikes: Vec<LookAlike>,
}

/// The letters a digit outside the base32 alphabet can stand for.
fn look_alike_of(typed: char) -> &'static [char] {
    match typed {
        '0' => &['O'],
        '1' => &['I', 'L'],
        '8' => &['B'],
        _ => &[],
    }
}

/// Separators people copy along with a key, as [`Key::parse`] skips them.
fn is_separator(ch: char) -> bool {
    matches!(ch, ' ' | '\t' | '\n' | '\r' | '-' | '=' | '\u{a0}')
}

/// Compares `typed` with `key`: case, spaces and dashes do not matter,
/// look-alike digits are read as letters, up to [`MAX_TYPOS`] slips are
/// located (Levenshtein alignment), and anything further off is another
/// key.
pub fn compare(typed: &str, key: &Key) -> Diagnosis {
    let typed: Zeroizing<Vec<char>> = Zeroizing::new(
        typed
            .chars()
            .filter(|&ch| !is_separator(ch))
            .flat_map(char::to_uppercase)
            .collect(),
    );
    let expected: Zeroizing<Vec<char>> = Zeroizing::new(key.text().expose().chars().collect());
    let different = Diagnosis {
        comparison: Comparison::Different,
        look_alikes: Vec::new(),
    };
    // Far apart in length is another key (or not a key); no need to align.
    if typed.len().abs_diff(expected.len()) > MAX_TYPOS {
        return different;
    }
    let same = |t: char, e: char| t == e || look_alike_of(t).contains(&e);
    // distance[i][j]: edits between the first i typed and j expected chars.
    let (n, m) = (typed.len(), expected.len());
    let mut distance = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in distance.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in distance[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let step = usize::from(!same(typed[i - 1], expected[j - 1]));
            distance[i][j] = (distance[i - 1][j - 1] + step)
                .min(distance[i - 1][j] + 1)
                .min(distance[i][j - 1] + 1);
        }
    }
    if distance[n][m] > MAX_TYPOS {
        return different;
    }
    // Walk back along one cheapest alignment, preferring the diagonal, so
    // a wrong character is reported as such rather than as one missing
    // and one extra.
    let (mut typos, mut look_alikes) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 {
            let (t, e) = (typed[i - 1], expected[j - 1]);
            let step = usize::from(!same(t, e));
            if distance[i][j] == distance[i - 1][j - 1] + step {
                if step == 1 {
                    typos.push(Typo::Wrong {
                        position: j,
                        typed: t,
                        expected: e,
                    });
                } else if t != e {
                    look_alikes.push(LookAlike {
                        position: j,
                        typed: t,
                        meant: e,
                    });
                }
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if i > 0 && distance[i][j] == distance[i - 1][j] + 1 {
            typos.push(Typo::Extra {
                position: i,
                typed: typed[i - 1],
            });
            i -= 1;
        } else {
            typos.push(Typo::Missing {
                position: j,
                expected: expected[j - 1],
            });
            j -= 1;
        }
    }
    typos.reverse();
    look_alikes.reverse();
    Diagnosis {
        comparison: if typos.is_empty() {
            Comparison::Same
        } else {
            Comparison::Typos(typos)
        },
        look_alikes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The QR code's key in every row.
    const KEY: &str = "ABCDEFGHIJKLMNOPQRST";

    fn diagnose(typed: &str) -> Diagnosis {
        compare(typed, &Key::parse(KEY).unwrap())
    }

    fn wrong(position: usize, typed: char, expected: char) -> Typo {
        Typo::Wrong {
            position,
            typed,
            expected,
        }
    }

    #[test]
    fn typed_keys_and_their_diagnosis() {
        use Comparison::{Different, Same, Typos};
        let rows: Vec<(&str, Comparison, Vec<LookAlike>)> = vec![
            (KEY, Same, vec![]),
            ("abcd efgh-ijkl mnop qrst", Same, vec![]),
            // The example: the 20th character.
            (
                "ABCDEFGHIJKLMNOPQRSH",
                Typos(vec![wrong(20, 'H', 'T')]),
                vec![],
            ),
            (
                "ABCDEFGHIJKLMNOPQRT",
                Typos(vec![Typo::Missing {
                    position: 19,
                    expected: 'S',
                }]),
                vec![],
            ),
            (
                "ABCDEFGHIJKXLMNOPQRST",
                Typos(vec![Typo::Extra {
                    position: 12,
                    typed: 'X',
                }]),
                vec![],
            ),
            (
                "A8CDEFGH1JK1MN0PQRST",
                Same,
                vec![
                    LookAlike {
                        position: 2,
                        typed: '8',
                        meant: 'B',
                    },
                    LookAlike {
                        position: 9,
                        typed: '1',
                        meant: 'I',
                    },
                    LookAlike {
                        position: 12,
                        typed: '1',
                        meant: 'L',
                    },
                    LookAlike {
                        position: 15,
                        typed: '0',
                        meant: 'O',
                    },
                ],
            ),
            // A look-alike digit where the key has another letter is a typo.
            (
                "1BCDEFGHIJKLMNOPQRST",
                Typos(vec![wrong(1, '1', 'A')]),
                vec![],
            ),
            (
                "ABCDEFGHIJKLMNOPQ9S7",
                Typos(vec![wrong(18, '9', 'R'), wrong(20, '7', 'T')]),
                vec![],
            ),
            // Another key of the same length: stale.
            ("MFRGGZDFMZTWQ2LKNNWG", Different, vec![]),
            ("ABCDEFGHIJ", Different, vec![]),
            ("ABCDWXYZIJKLMNOPQRST", Different, vec![]),
        ];
        for (typed, comparison, look_alikes) in rows {
            assert_eq!(
                diagnose(typed),
                Diagnosis {
                    comparison,
                    look_alikes
                },
                "{typed}"
            );
        }
    }

    #[test]
    fn random_keys_are_never_typos_of_each_other() {
        // Consecutive keys from a simple generator: all of them "different".
        let mut state = 0x2545_f491_u32;
        let mut next_key = || {
            let bytes: Vec<u8> = (0..12)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 17;
                    state ^= state << 5;
                    state as u8
                })
                .collect();
            Key::from_bytes(bytes)
        };
        for _ in 0..200 {
            let (a, b) = (next_key(), next_key());
            assert_eq!(
                compare(a.text().expose(), &b).comparison,
                Comparison::Different
            );
        }
    }
}
