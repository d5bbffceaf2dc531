//! Problems in the client's language: Vietnamese when `Accept-Language` prefers it, with
//! `Content-Language: vi`; English, exactly as the command line says it, otherwise.

use serde_json::{Value, json};

use super::{Reply, Server, agent, error_lines, form};
use crate::support::*;

const WARDS_JSON: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/samples/tam-ky-wards-2022.json"
);

/// `POST path` with a body of `content_type`, and `Accept-Language: accept` if given.
fn post(
    server: &Server,
    path: &str,
    content_type: &str,
    body: &[u8],
    accept: Option<&str>,
) -> Reply {
    let mut request = agent()
        .post(server.url(path))
        .header("Content-Type", content_type);
    if let Some(accept) = accept {
        request = request.header("Accept-Language", accept);
    }
    Reply::from(request.send(body))
}

fn bad_year_data() -> Vec<u8> {
    let mut data = sample_json();
    data["year"] = json!("2022");
    data["issuer"]["nam"] = json!("x");
    data["signer"]["name"] = json!("");
    serde_json::to_vec(&data).unwrap()
}

#[test]
fn vietnamese_when_asked_english_otherwise() {
    let server = Server::start();
    let body = bad_year_data();

    // No Accept-Language: English, as `vanban validate` prints it.
    let english = post(&server, "/v1/validate", "application/json", &body, None);
    let problem = english.problem(422);
    assert_eq!(english.header("content-language"), None);
    assert_eq!(english.header("vary"), Some("accept-language"));
    assert_eq!(problem["title"], "Unprocessable Entity");
    assert_eq!(problem["detail"], "3 problems in the year data");
    assert_eq!(problem["code"], "data_problems");
    let codes = texts_of(&problem["errors"], "code");
    assert_eq!(codes, ["unknown_field", "wrong_type", "text_empty"]);
    assert_eq!(
        error_lines(&problem),
        [
            "$.issuer.nam: unknown field (check its spelling; `vanban schema` lists the fields)",
            "$.year: expected a whole number, found the text \"2022\"",
            "$.signer.name: must not be empty",
        ]
    );

    // The page's request: Vietnamese, every value kept as it is.
    for accept in ["vi", "vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7", "en;q=0.5, vi"] {
        let reply = post(
            &server,
            "/v1/validate",
            "application/json",
            &body,
            Some(accept),
        );
        let problem = reply.problem(422);
        assert_eq!(reply.header("content-language"), Some("vi"), "{accept}");
        assert_eq!(reply.header("vary"), Some("accept-language"));
        assert_eq!(problem["title"], "Dữ liệu không hợp lệ");
        assert_eq!(problem["detail"], "dữ liệu năm có 3 lỗi");
        assert_eq!(
            error_lines(&problem),
            [
                "$.issuer.nam: trường không có trong lược đồ (kiểm tra chính tả; `vanban schema` \
                 liệt kê các trường)",
                "$.year: phải là số nguyên, nhưng đang là văn bản \"2022\"",
                "$.signer.name: không được để trống",
            ],
            "{accept}"
        );
        assert!(reply.header("x-request-id").is_some());
    }

    // English preferred, or Vietnamese refused: English.
    for accept in ["en-US,en;q=0.9,vi;q=0.8", "vi;q=0", "fr", "*"] {
        let reply = post(
            &server,
            "/v1/validate",
            "application/json",
            &body,
            Some(accept),
        );
        assert_eq!(reply.problem(422), problem_of(&english), "{accept}");
        assert_eq!(reply.header("content-language"), None, "{accept}");
    }

    // Only problems vary: a document is the same in both.
    let reply = post(
        &server,
        "/v1/documents/report",
        "application/json",
        &std::fs::read(SAMPLE).unwrap(),
        Some("vi"),
    );
    reply.ok();
    assert_eq!(reply.header("content-language"), None);
    assert_eq!(reply.header("vary"), None);
    assert_eq!(reply.body, std::fs::read(sample_pdf()).unwrap());
}

fn problem_of(reply: &Reply) -> Value {
    reply.json()
}

#[test]
fn every_kind_of_problem_is_said_in_vietnamese() {
    let server = Server::start();
    let vi = Some("vi");

    // Malformed JSON: the line and column stay members of their own.
    let reply = post(
        &server,
        "/v1/documents/report",
        "application/json",
        b"{\n  \"year\": 2022,\n  oops",
        vi,
    );
    let problem = reply.problem(400);
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(
        problem["detail"],
        "JSON sai cú pháp ở dòng 3, cột 3: ký tự `o` không đúng chỗ"
    );
    assert_eq!(problem["title"], "Yêu cầu không hợp lệ");

    // A route, a method, a media type, a query parameter.
    let problem = Reply::from(
        agent()
            .get(server.url("/v1/documents/report"))
            .header("Accept-Language", "vi")
            .call(),
    )
    .problem(405);
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .starts_with("đường dẫn này không nhận phương thức đó"),
        "{problem}"
    );
    let problem = post(&server, "/v1/documents/report", "text/plain", b"x", vi).problem(415);
    assert_eq!(
        problem["detail"],
        "hãy gửi dữ liệu năm dưới dạng application/json (yêu cầu ghi text/plain)"
    );
    let sample = std::fs::read(SAMPLE).unwrap();
    let problem = post(
        &server,
        "/v1/documents/report?format=gif",
        "application/json",
        &sample,
        vi,
    )
    .problem(400);
    assert_eq!(
        problem["detail"],
        "tham số `format` phải là `pdf`, `png` hoặc `svg`, nhưng đang là \"gif\""
    );

    // A batch's wards: each error keeps its ward.
    let mut batch: Value = serde_json::from_slice(&std::fs::read(WARDS_JSON).unwrap()).unwrap();
    batch["wards"][1]["figures"]["cay_xanh"] = json!(-5);
    let problem = post(
        &server,
        "/v1/batches",
        "application/json",
        &serde_json::to_vec(&batch).unwrap(),
        vi,
    )
    .problem(422);
    assert_eq!(problem["detail"], "tệp lô văn bản có 1 lỗi");
    assert_eq!(
        error_lines(&problem),
        ["$.wards[1].figures.cay_xanh: phải từ 0 trở lên, nhưng đang là -5"]
    );
    batch["wards"][1]["figures"]["cay_xanh"] = json!(5);
    batch["wards"][1]["overrides"]["signer"]["name"] = json!(" ");
    let problem = post(
        &server,
        "/v1/batches",
        "application/json",
        &serde_json::to_vec(&batch).unwrap(),
        vi,
    )
    .problem(422);
    assert_eq!(
        problem["detail"],
        "1 trên 13 phường, xã có lỗi; hãy sửa các lỗi này, hoặc gửi allow_partial=true để bỏ qua \
         các phường, xã đó"
    );
    assert_eq!(
        problem["errors"],
        json!([{
            "code": "text_empty",
            "path": "$.signer.name",
            "message": "không được để trống",
            "ward": "Phường An Sơn"
        }])
    );

    // A sheet: a cell's path is named as the sheet names it (`C2`), and its place in words.
    let (content_type, body) = form(&[
        (
            "sheet",
            "w.csv",
            b"name,signer_name,cay_xanh\nPhuong An My,A,many\n,B\n",
        ),
        ("shared", "s.json", &std::fs::read(WARDS_JSON).unwrap()),
    ]);
    let problem = post(&server, "/v1/batches", &content_type, &body, vi).problem(422);
    assert_eq!(problem["detail"], "bảng tính có 2 lỗi");
    assert_eq!(
        error_lines(&problem),
        [
            "C2: phải là số nguyên không âm, nhưng đang là \"many\"",
            "A3: không được để trống",
        ]
    );
    assert_eq!(problem["errors"][0]["place"], "dòng 2, cột C (cay_xanh)");
    assert_eq!(problem["errors"][1]["place"], "dòng 3, cột A (name)");
    let english = post(&server, "/v1/batches", &content_type, &body, None).problem(422);
    assert_eq!(english["detail"], "the sheet: 2 problems in the sheet");
    assert_eq!(english["errors"][0]["place"], "row 2, column C (cay_xanh)");
    assert_eq!(
        error_lines(&english),
        [
            "C2: expected a whole number of at least 0, found \"many\"",
            "A3: must not be empty",
        ]
    );
}
