//! The worst shapes of year data the limits allow (issue 14): every list at its maximum, every
//! text at its maximum, words at the word-length limit, one-line fields full of short words,
//! texts full of placeholders, as many figures as a document may hold. Each is valid and must
//! render within the budget; the hostile tests render them and `scripts/bench-worst.sh` (through
//! `examples/worst_shapes.rs`) measures them.

use serde_json::{Value, json};
use vanban::model::limits;

/// One worst shape: its name, the document it is rendered as, and its year data.
pub struct Shape {
    pub name: &'static str,
    pub kind: &'static str,
    pub data: Value,
}

/// Every shape.
pub fn all() -> Vec<Shape> {
    let shape = |name, kind, data| Shape { name, kind, data };
    vec![
        shape("paragraphs", "report", paragraphs("ngày")),
        shape("long-words", "report", paragraphs(&"nghiêng".repeat(5))),
        shape("one-line-fields", "report", one_line_fields()),
        shape("one-line-fields", "agreement", one_line_fields()),
        shape("figures", "report", figures()),
        shape("targets", "agreement", targets()),
        shape("lists", "report", lists()),
        shape("lists", "agreement", lists()),
        shape("program-paragraphs", "agreement", program_paragraphs()),
    ]
}

fn sample() -> Value {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/tam-ky-2022.json"
    ));
    serde_json::from_str(text).expect("the sample is JSON")
}

/// Words `word` separated by spaces, as many as fit in `chars` characters.
fn words(word: &str, chars: u64) -> String {
    let width = word.chars().count() + 1;
    vec![word; (chars as usize + 1) / width].join(" ")
}

/// The characters of every text in `value`.
fn length(value: &Value) -> usize {
    match value {
        Value::String(text) => text.chars().count(),
        Value::Array(items) => items.iter().map(length).sum(),
        Value::Object(map) => map.values().map(length).sum(),
        _ => 0,
    }
}

/// What is left of the document's text budget, with a margin.
fn budget(data: &Value) -> usize {
    (limits::DOCUMENT_CHARS - 1_000).saturating_sub(length(data))
}

/// Fills the lists at `pointers` round-robin with paragraphs of `word`, at most `limits`'s
/// paragraphs each and as many characters as the document may hold.
fn fill(data: &mut Value, pointers: &[&str], word: &str) {
    for pointer in pointers {
        *data.pointer_mut(pointer).expect("a list") = json!([]);
    }
    let paragraph = words(word, limits::PARAGRAPH_CHARS);
    let mut budget = budget(data);
    let per_paragraph = paragraph.chars().count();
    'fill: for _ in 0..limits::PARAGRAPHS {
        for pointer in pointers {
            if budget < per_paragraph {
                break 'fill;
            }
            let list = data.pointer_mut(pointer).unwrap().as_array_mut().unwrap();
            list.push(json!(paragraph));
            budget -= per_paragraph;
        }
    }
}

/// The report's sections full of paragraphs of `word`, as long as a document may hold.
fn paragraphs(word: &str) -> Value {
    let mut data = sample();
    let sections = [
        "/situation/overview",
        "/situation/advantages",
        "/situation/difficulties",
        "/general_results",
        "/shortcomings",
        "/causes",
        "/lessons",
        "/directions",
        "/proposals",
    ];
    fill(&mut data, &sections, word);
    data
}

/// The program's paragraphs (purposes, requirements, tasks) as long as a document may hold.
fn program_paragraphs() -> Value {
    let mut data = sample();
    let mut lists = vec![
        "/next_program/purposes".to_owned(),
        "/next_program/requirements".to_owned(),
    ];
    let parties = data["next_program"]["responsibilities"]
        .as_array()
        .unwrap()
        .len();
    lists.extend((0..parties).map(|p| format!("/next_program/responsibilities/{p}/tasks")));
    let lists: Vec<&str> = lists.iter().map(String::as_str).collect();
    fill(&mut data, &lists, "ngày");
    data
}

/// Every one-line field (names, titles, places) full of one-letter words: the shape whose
/// layout grew with the square of its words.
fn one_line_fields() -> Value {
    let mut data = sample();
    let full = json!(words("A", limits::NAME_CHARS));
    // Fields the sample leaves out stay out (some go only with some others).
    let set = |data: &mut Value, pointer: &str| {
        if let Some(field) = data.pointer_mut(pointer) {
            *field = full.clone();
        }
    };
    for field in ["parent", "name", "short_name"] {
        set(&mut data, &format!("/issuer/{field}"));
    }
    // Headers bind the words of the place wherever a name repeats it: another letter.
    data["issuer"]["place"] = json!(words("B", limits::NAME_CHARS));
    for field in ["title", "name", "rank", "on_behalf_of"] {
        set(&mut data, &format!("/signer/{field}"));
    }
    let organizations = data["organizations"].as_array().unwrap().len();
    for o in 0..organizations {
        set(&mut data, &format!("/organizations/{o}/name"));
    }
    let parties = data["next_program"]["parties"].as_array().unwrap().len();
    for p in 0..parties {
        for field in ["parent", "name", "short_name"] {
            set(&mut data, &format!("/next_program/parties/{p}/{field}"));
        }
        for field in ["title", "name", "on_behalf_of"] {
            set(
                &mut data,
                &format!("/next_program/parties/{p}/signer/{field}"),
            );
        }
    }
    let items = data["next_program"]["items"].as_array().unwrap().len();
    for i in 0..items {
        set(&mut data, &format!("/next_program/items/{i}/time_frame"));
    }
    data
}

/// Ten figures of every kind, each named by a placeholder in `text`.
fn ten_figures(text: &str) -> (String, Vec<Value>) {
    let figures = (0..limits::FIGURES)
        .map(|q| {
            let key = format!("k{q}");
            let label = format!("Số liệu {q}");
            match q % 4 {
                0 => json!({"key": key, "label": label, "amount": 1_000_000 + q, "qualifier": "khoảng"}),
                1 => json!({"key": key, "label": label, "count": 1000 + q, "unit": "cây xanh", "qualifier": "trên"}),
                2 => json!({"key": key, "label": label, "percent": 99.5}),
                _ => json!({"key": key, "label": label, "ratio": [3, 4], "unit": "xã"}),
            }
        })
        .collect();
    let keys: Vec<String> = (0..limits::FIGURES).map(|q| format!("{{k{q}}}")).collect();
    (format!("{text} {}.", keys.join(", ")), figures)
}

/// As many figures as a report may hold, ten to an activity, over 23 organizations.
fn figures() -> Value {
    let mut data = sample();
    let (text, quantities) = ten_figures("Kết quả đạt được");
    let activities = limits::DOCUMENT_FIGURES / limits::FIGURES as usize;
    let organizations: Vec<Value> = (0..23)
        .map(|o| {
            let count = activities / 23 + usize::from(o < activities % 23);
            let activity = json!({"text": text, "quantities": quantities});
            let mut activities = vec![activity; count];
            if activities.is_empty() {
                activities.push(json!({"text": "Tổ chức hoạt động."}));
            }
            organization(o, activities)
        })
        .collect();
    data["organizations"] = json!(organizations);
    data
}

/// The organization numbered `o`, with `activities`.
fn organization(o: usize, activities: Vec<Value>) -> Value {
    json!({
        "id": format!("to-chuc-{o}"),
        "name": format!("Tổ chức số {o}"),
        "short_name": format!("TC {o}"),
        "activities": activities,
    })
}

/// As many targets as a program may hold, ten to a line of work.
fn targets() -> Value {
    let mut data = sample();
    let (text, targets) = ten_figures("Phấn đấu đạt");
    let template = data["next_program"]["items"][0].clone();
    let items: Vec<Value> = (0..limits::DOCUMENT_FIGURES / limits::FIGURES as usize)
        .map(|i| {
            let mut item = template.clone();
            item["title"] = json!(format!("Nội dung phối hợp số {i}"));
            item["text"] = json!(text);
            item["targets"] = json!(targets);
            item
        })
        .collect();
    data["next_program"]["items"] = json!(items);
    data
}

/// Every list at its maximum, with short items.
fn lists() -> Value {
    let mut data = sample();
    let activities =
        vec![json!({"text": "Tổ chức hoạt động."}); limits::ACTIVITIES as usize];
    let organizations: Vec<Value> = (0..23)
        .map(|o| organization(o, activities.clone()))
        .collect();
    data["organizations"] = json!(organizations);
    let commendee =
        json!({"name": "Nguyễn Văn A", "position": "Bí thư", "reason": "Đã có thành tích."});
    data["commendations"]["collectives"] =
        json!(vec![commendee.clone(); limits::COMMENDEES as usize]);
    data["commendations"]["individuals"] = json!(vec![commendee; limits::COMMENDEES as usize]);
    data["recipients"] = json!(vec!["UBND thành phố"; 30]);
    data["archive"] = json!(vec!["VT"; 10]);
    for section in [
        "general_results",
        "shortcomings",
        "causes",
        "lessons",
        "directions",
        "proposals",
    ] {
        data[section] = json!(vec!["Kết quả tốt."; limits::PARAGRAPHS as usize]);
    }
    let program = &mut data["next_program"];
    program["legal_bases"] = json!(vec!["Căn cứ kế hoạch"; 12]);
    program["recipients"] = json!(vec!["UBND thành phố"; 30]);
    program["archive"] = json!(vec!["VT"; 10]);
    program["purposes"] = json!(vec!["Mục đích."; limits::PARAGRAPHS as usize]);
    let template = program["items"][0].clone();
    program["items"] = json!(vec![template; 40]);
    let responsibilities = program["responsibilities"].as_array_mut().unwrap();
    for responsibility in responsibilities {
        responsibility["tasks"] = json!(vec![
            "Thực hiện nhiệm vụ.";
            limits::PARAGRAPHS as usize
        ]);
    }
    data
}
