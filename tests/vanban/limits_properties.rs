//! Random shapes of year data through validation and rendering under the limits (issue 14):
//! many small items, one huge item, deep nesting. Every input is either refused as wrong data
//! or rendered; never a panic, an internal or a template error, and never slowly.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use serde_json::{Value, json};
use vanban::errors::Class;
use vanban::model::parse_year_data;
use vanban::pdf::ExportOptions;
use vanban::{DocumentKind, Engine, EngineOptions};

use crate::support::sample_json;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&EngineOptions::default()).unwrap())
}

/// Lists of paragraphs or items, to fill with many small ones.
const LISTS: &[&str] = &[
    "/general_results",
    "/situation/overview",
    "/recipients",
    "/organizations/0/activities",
    "/next_program/items/0/partners",
    "/next_program/legal_bases",
];

/// Texts, to make huge.
const TEXTS: &[&str] = &[
    "/issuer/place",
    "/issuer/name",
    "/signer/name",
    "/general_results/0",
    "/organizations/0/activities/0/text",
    "/next_program/items/0/title",
    "/next_program/parties/0/name",
];

/// Words that stress layout or checks: short, capitals, joining punctuation, dashes that the
/// renderer boxes, placeholders, no-break spaces, words at and past the length limit.
fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a",
        "A",
        "ngày",
        "(",
        ",",
        "-",
        "{buoi_tuyen_truyen}",
        "\u{a0}",
        "\u{0}",
        "Tam Kỳ",
        "thành phố",
    ])
    .prop_map(str::to_owned)
    .boxed()
    .prop_union((1usize..=40).prop_map(|length| "ư".repeat(length)).boxed())
}

#[derive(Debug, Clone)]
enum Shape {
    /// `count` items of `word` in a list.
    ManySmall {
        list: usize,
        count: usize,
        word: String,
    },
    /// One text of `chars` characters of `word`s.
    OneHuge {
        text: usize,
        chars: usize,
        word: String,
    },
    /// A value nested `depth` arrays and objects deep in place of a text.
    Deep { text: usize, depth: usize },
}

fn shape() -> impl Strategy<Value = Shape> {
    prop_oneof![
        (0..LISTS.len(), 0usize..400, word()).prop_map(|(list, count, word)| Shape::ManySmall {
            list,
            count,
            word
        }),
        (0..TEXTS.len(), 1usize..8_000, word()).prop_map(|(text, chars, word)| Shape::OneHuge {
            text,
            chars,
            word
        }),
        (0..TEXTS.len(), 1usize..120).prop_map(|(text, depth)| Shape::Deep { text, depth }),
    ]
}

/// The sample with `shape` applied, as JSON bytes.
fn input(shape: &Shape) -> Vec<u8> {
    let mut data = sample_json();
    let set = |data: &mut Value, pointer: &str, value: Value| {
        *data.pointer_mut(pointer).expect("the sample has it") = value;
    };
    match shape {
        Shape::ManySmall { list, count, word } => {
            let item = match LISTS[*list] {
                "/organizations/0/activities" => json!({"text": word}),
                _ => json!(word),
            };
            set(&mut data, LISTS[*list], json!(vec![item; *count]));
        }
        Shape::OneHuge { text, chars, word } => {
            let count = chars / (word.chars().count() + 1) + 1;
            set(
                &mut data,
                TEXTS[*text],
                json!(vec![word.as_str(); count].join(" ")),
            );
        }
        Shape::Deep { text, depth } => {
            let mut value = json!("x");
            for level in 0..*depth {
                value = if level % 2 == 0 {
                    json!([value])
                } else {
                    json!({"a": value})
                };
            }
            set(&mut data, TEXTS[*text], value);
        }
    }
    serde_json::to_vec(&data).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_shape_is_refused_as_data_or_rendered_in_time(shape in shape()) {
        let bytes = input(&shape);
        let started = Instant::now();
        match parse_year_data(&bytes) {
            Err(error) => prop_assert_eq!(error.kind().class(), Class::Data, "{}", error),
            Ok(data) => {
                for kind in [DocumentKind::Report, DocumentKind::Agreement] {
                    if let Err(error) = engine().pdf(kind, &data, ExportOptions::default()) {
                        prop_assert_eq!(error.class(), Class::Data, "{:?}: {}", kind, error);
                    }
                }
            }
        }
        // Generous: the worst shape the limits allow renders in under 2 s.
        prop_assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
    }
}
