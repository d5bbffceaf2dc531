//! Every English message shape vanban gives, and its Vietnamese: formal, as an official's
//! office says it. Entries are tried in order; the first that fits is used. See the parent
//! module for the template syntax.

/// The tables, by the name a hole gives as its kind.
pub(super) const TABLES: &[(&str, &[(&str, &str)])] = &[
    ("message", MESSAGES),
    ("location", LOCATIONS),
    ("type", TYPES),
    ("value", VALUES),
    ("place", PLACES),
    ("figures", FIGURES),
    ("keys", KEYS),
    ("cell", CELLS),
    ("names", NAMES),
    ("unexpected", UNEXPECTED),
    ("expecting", EXPECTING),
    ("media", MEDIA),
];

/// Whole messages: data errors, the summaries of invalid input, problem details and titles.
const MESSAGES: &[(&str, &str)] = &[
    // Text in the year data (`model::load`).
    ("must not be empty", "không được để trống"),
    (
        "must not contain the direction control character {code}",
        "không được chứa ký tự điều khiển hướng viết {code}",
    ),
    ("must be a single line", "chỉ được viết trên một dòng"),
    (
        "has a word of {length:number} characters, more than the {limit:number} that fit {place:place}: add spaces",
        "có một từ dài {length} ký tự, vượt quá {limit} ký tự (độ dài tối đa vừa {place}): hãy thêm dấu cách",
    ),
    // The year data against its schema (`model::load`).
    (
        "unknown field (check its spelling; `vanban schema` lists the fields)",
        "trường không có trong lược đồ (kiểm tra chính tả; `vanban schema` liệt kê các trường)",
    ),
    ("missing required field", "thiếu trường bắt buộc"),
    (
        "expected {expected:type}, found {found:value}",
        "phải là {expected}, nhưng đang là {found}",
    ),
    (
        "must be at least {limit:number}, found {found:json}",
        "phải từ {limit} trở lên, nhưng đang là {found}",
    ),
    (
        "must be at most {limit:number}, found {found:json}",
        "không được vượt quá {limit}, nhưng đang là {found}",
    ),
    (
        "must list at least {limit:number} item(s)",
        "phải có ít nhất {limit} mục",
    ),
    (
        "must list at most {limit:number} item(s)",
        "chỉ được có tối đa {limit} mục",
    ),
    (
        "must be at most {limit:number} characters",
        "chỉ được dài tối đa {limit} ký tự",
    ),
    (
        "must match the pattern {pattern}, found {found:json}",
        "phải khớp mẫu {pattern}, nhưng đang là {found}",
    ),
    (
        "expected a real calendar date as YYYY-MM-DD, found {found:json}",
        "phải là một ngày có thật, viết theo dạng YYYY-MM-DD, nhưng đang là {found}",
    ),
    (
        "expected one of {options:json}, found {found:json}",
        "phải là một trong các giá trị {options}, nhưng đang là {found}",
    ),
    // The rules a schema cannot say (`model::validate`).
    (
        "must be lowercase ASCII letters and digits joined by '-', e.g. \"hoi-lhpn\"",
        "chỉ được gồm chữ cái thường không dấu (ASCII) và chữ số, nối bằng dấu '-', ví dụ \"hoi-lhpn\"",
    ),
    ("duplicate id \"{id}\"", "id \"{id}\" bị trùng"),
    (
        "the money figures add up to more than {limit:number} đồng, which the report cannot print",
        "tổng các số tiền vượt quá {limit} đồng, báo cáo không in được",
    ),
    (
        "must fall in {year:number} or {next:number}, the year under review or the next, found {date}",
        "phải thuộc năm {year} hoặc năm {next} (năm báo cáo hoặc năm sau), nhưng đang là {date}",
    ),
    (
        "must be lowercase ASCII letters and digits joined by '_', e.g. \"cay_xanh\"",
        "chỉ được gồm chữ cái thường không dấu (ASCII) và chữ số, nối bằng dấu '_', ví dụ \"cay_xanh\"",
    ),
    ("duplicate key \"{key}\"", "khóa \"{key}\" bị trùng"),
    (
        "`{{{name}}}` names none of the {figures:figures} here (keys: {keys:keys})",
        "`{{{name}}}` không ứng với {figures} nào ở đây (các khóa: {keys})",
    ),
    (
        "gives more than one of `amount`, `count`, `percent` and `ratio`; a figure is one of them",
        "có nhiều hơn một trong các trường `amount`, `count`, `percent` và `ratio`; mỗi số liệu chỉ thuộc một loại",
    ),
    (
        "needs `amount` (money in whole đồng), `count` (with `unit`), `percent` or `ratio` (with `unit`)",
        "cần có `amount` (số tiền, tính tròn đồng), `count` (kèm `unit`), `percent` (tỷ lệ phần trăm) hoặc `ratio` (kèm `unit`)",
    ),
    (
        "goes with `count` and `ratio` only; money is always in đồng and a percentage prints %",
        "chỉ dùng kèm `count` hoặc `ratio`; tiền luôn tính bằng đồng, tỷ lệ phần trăm in dấu %",
    ),
    (
        "goes with `unit` only: it is the table's shorter form of it",
        "chỉ dùng kèm `unit`: đây là cách ghi ngắn gọn của đơn vị tính trong bảng",
    ),
    (
        "must be a part of a whole, [part, whole] with the part at most the whole, found [{part:number}, {whole:number}]",
        "phải là một tỷ số [phần, tổng] với phần không lớn hơn tổng, nhưng đang là [{part}, {whole}]",
    ),
    (
        "`{{{name}}}` is followed by \"{words}\", which its unit \"{unit}\" already prints",
        "sau `{{{name}}}` là \"{words}\", lặp lại đơn vị tính \"{unit}\" đã in kèm số liệu",
    ),
    (
        "missing: a report on a period (tong_ket_giai_doan) needs the period's first year",
        "còn thiếu: báo cáo tổng kết giai đoạn (tong_ket_giai_doan) cần ghi năm đầu của giai đoạn",
    ),
    (
        "must be before {year:number}, the last year of the period, found {found:number}",
        "phải trước năm {year} (năm cuối của giai đoạn), nhưng đang là {found}",
    ),
    (
        "goes with a report on a period (tong_ket_giai_doan) only; leave it out",
        "chỉ dùng cho báo cáo tổng kết giai đoạn (tong_ket_giai_doan); hãy bỏ trường này",
    ),
    (
        "must be the number, a slash and the ký hiệu, e.g. \"01/CTr-BCHQS-CTXH\"",
        "phải gồm số, dấu gạch chéo và ký hiệu, ví dụ \"01/CTr-BCHQS-CTXH\"",
    ),
    (
        "must not be later than the report's date, {date}",
        "không được sau ngày của báo cáo ({date})",
    ),
    (
        "missing: say what is counted, e.g. \"cây xanh\"",
        "còn thiếu: hãy ghi đơn vị của số đếm, ví dụ \"cây xanh\"",
    ),
    (
        "not used with Q. (acting): the authority line is \"Q.\" followed by the title",
        "không dùng với Q. (quyền): dòng thẩm quyền ký là \"Q.\" rồi đến chức vụ",
    ),
    (
        "missing: {authority} needs whom it signs for, e.g. \"Chỉ huy trưởng\"",
        "còn thiếu: thẩm quyền ký {authority} cần ghi rõ ký cho ai, ví dụ \"Chỉ huy trưởng\"",
    ),
    (
        "needs `authority` (TM, KT, TL or TUQ) to say how the signer acts for them",
        "cần có `authority` (TM, KT, TL hoặc TUQ) để ghi rõ hình thức ký thay",
    ),
    (
        "\"{party}\" leads this item; list only the other parties",
        "\"{party}\" đã chủ trì mục này; chỉ liệt kê các bên phối hợp còn lại",
    ),
    (
        "\"{party}\" is listed twice",
        "\"{party}\" được liệt kê hai lần",
    ),
    (
        "\"{party}\" already has responsibilities; give each party one entry",
        "\"{party}\" đã có mục trách nhiệm; mỗi bên chỉ ghi một mục",
    ),
    (
        "must come before the year-end review",
        "phải trước ngày tổng kết cuối năm",
    ),
    (
        "\"{party}\" is not one of the signing parties ({parties}); every party named in the program must sign it",
        "\"{party}\" không thuộc các bên ký ({parties}); mọi bên được nêu trong chương trình đều phải ký",
    ),
    (
        "must fall in {year:number}, the program's year, found {date}",
        "phải thuộc năm {year} (năm của chương trình), nhưng đang là {date}",
    ),
    // What rendering checks (`Engine::check`).
    (
        "missing: the agreement is made from next year's program",
        "còn thiếu: chương trình phối hợp được lập từ chương trình năm sau",
    ),
    (
        "character '{character}' ({code}) has no glyph in the fonts; remove it or add a font with --font-dir",
        "ký tự '{character}' ({code}) không có trong phông chữ; hãy xóa ký tự này hoặc thêm phông chữ bằng --font-dir",
    ),
    // Input that is not year data (`model::InvalidData`).
    (
        "input is not valid UTF-8 at line {line:number}, column {column:number}",
        "dữ liệu không phải văn bản UTF-8 hợp lệ, lỗi ở dòng {line}, cột {column}",
    ),
    (
        "malformed JSON at line {line:number}, column {column:number}: {problem:message}",
        "JSON sai cú pháp ở dòng {line}, cột {column}: {problem}",
    ),
    (
        "{count:number} problem(s) in the year data",
        "dữ liệu năm có {count} lỗi",
    ),
    // serde_json's syntax errors.
    (
        "EOF while parsing a list",
        "dữ liệu kết thúc khi danh sách chưa đóng (thiếu `]`)",
    ),
    (
        "EOF while parsing an object",
        "dữ liệu kết thúc khi đối tượng chưa đóng (thiếu `}}`)",
    ),
    (
        "EOF while parsing a string",
        "dữ liệu kết thúc khi chuỗi văn bản chưa đóng (thiếu `\"`)",
    ),
    (
        "EOF while parsing a value",
        "dữ liệu kết thúc khi còn thiếu một giá trị",
    ),
    ("expected `:`", "thiếu dấu `:` sau tên trường"),
    ("expected `,` or `]`", "thiếu dấu `,` hoặc `]`"),
    ("expected `,` or `}}`", "thiếu dấu `,` hoặc `}}`"),
    (
        "expected ident",
        "từ không hợp lệ: ngoài số và văn bản trong dấu ngoặc kép, chỉ dùng true, false hoặc null",
    ),
    (
        "expected value",
        "cần một giá trị JSON (văn bản phải đặt trong dấu ngoặc kép)",
    ),
    (
        "invalid escape",
        "sau dấu `\\` là một ký tự thoát không hợp lệ",
    ),
    ("invalid number", "số không hợp lệ"),
    ("number out of range", "số vượt quá phạm vi cho phép"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "chuỗi văn bản chứa ký tự điều khiển (\\u0000-\\u001F); dấu xuống dòng phải viết là \\n",
    ),
    (
        "key must be a string",
        "tên trường phải là văn bản đặt trong dấu ngoặc kép",
    ),
    (
        "lone leading surrogate in hex escape",
        "mã thoát \\u chỉ có nửa đầu của một cặp thay thế (surrogate)",
    ),
    ("trailing comma", "thừa dấu phẩy ở cuối"),
    (
        "trailing characters",
        "có ký tự thừa sau khi dữ liệu JSON đã kết thúc",
    ),
    ("unexpected end of hex escape", "mã thoát \\u bị cắt ngang"),
    ("recursion limit exceeded", "dữ liệu lồng nhau quá sâu"),
    // serde's errors, from a batch file and from query parameters.
    ("missing field `{field}`", "thiếu trường bắt buộc `{field}`"),
    (
        "unknown field `{field}`, expected {names:names}",
        "trường `{field}` không hợp lệ, phải là {names}",
    ),
    (
        "unknown variant `{variant}`, expected {names:names}",
        "giá trị `{variant}` không hợp lệ, phải là {names}",
    ),
    (
        "invalid type: {found:unexpected}, expected {expected:expecting}",
        "sai kiểu: phải là {expected}, nhưng đang là {found}",
    ),
    (
        "invalid value: {found:unexpected}, expected {expected:expecting}",
        "giá trị không hợp lệ: phải là {expected}, nhưng đang là {found}",
    ),
    (
        "invalid length {length:number}, expected {expected:expecting}",
        "phải là {expected}, nhưng đang là một danh sách {length} phần tử",
    ),
    (
        "provided string was not `true` or `false`",
        "phải là `true` hoặc `false`",
    ),
    (
        "invalid digit found in string",
        "phải là số nguyên không âm, chỉ gồm chữ số",
    ),
    ("number too large to fit in target type", "số quá lớn"),
    (
        "cannot parse integer from empty string",
        "đang để trống, phải là một số nguyên",
    ),
    (
        "must be the place name alone, as the date line prints it: \"{suggestion}\"",
        "phải là riêng tên địa danh, như dòng ngày tháng ghi: \"{suggestion}\"",
    ),
    // A batch (`batch::Batch`).
    (
        "must list at least one ward",
        "phải có ít nhất một phường, xã",
    ),
    (
        "must name the ward, e.g. \"Phường An Mỹ\"",
        "phải ghi tên phường, xã, ví dụ \"Phường An Mỹ\"",
    ),
    (
        "does not start with the kind of unit: write it as \"Phường An Mỹ\" or \"TT. Bình Minh\", with one of {kinds} (in any case)",
        "không bắt đầu bằng cấp của đơn vị hành chính: hãy viết như \"Phường An Mỹ\" hoặc \"TT. Bình Minh\", bắt đầu bằng một trong các từ {kinds} (viết hoa hay viết thường đều được)",
    ),
    (
        "gives the file name \"{slug}\", which the batch uses itself",
        "cho ra tên tệp \"{slug}\", trùng tên tệp mà lô văn bản dùng riêng",
    ),
    (
        "gives the same file name \"{slug}\" as {other:location}",
        "cho ra tên tệp \"{slug}\", trùng với tên tệp của {other}",
    ),
    (
        "no shared quantity has the key \"{key}\" (keys: {keys:keys})",
        "không có số liệu dùng chung nào có khóa \"{key}\" (các khóa: {keys})",
    ),
    (
        "\"{key}\" is not a shared quantity, so the roll-up cannot add it up",
        "\"{key}\" không phải số liệu dùng chung, nên báo cáo tổng hợp không cộng được",
    ),
    (
        "\"{key}\" stands for the level words in a batch; give the figure another key",
        "\"{key}\" là chỗ điền cấp của đơn vị trong lô văn bản; hãy đặt cho số liệu này một khóa khác",
    ),
    (
        "\"{key}\" is used twice; in a batch every figure's key must be unique",
        "\"{key}\" được dùng hai lần; trong một lô, khóa của mỗi số liệu phải khác nhau",
    ),
    (
        "the wards' agreements need next year's program, which no ward has: give `next_program` in the batch's `shared` data or in each ward's `overrides`",
        "chương trình phối hợp của các phường, xã cần có chương trình năm sau, nhưng không phường, xã nào có: hãy ghi `next_program` trong phần `shared` của tệp lô hoặc trong `overrides` của từng phường, xã",
    ),
    // A sheet of wards (`batch::SheetError`).
    ("cannot read the workbook", "không đọc được tệp Excel"),
    (
        "the workbook has no worksheet",
        "tệp Excel không có trang tính nào",
    ),
    ("cannot read the CSV", "không đọc được tệp CSV"),
    (
        "{count:number} problem(s) in the sheet",
        "bảng tính có {count} lỗi",
    ),
    (
        "expected a header, found {found:cell}",
        "phải là tên cột, nhưng đang là {found}",
    ),
    (
        "unknown column; the columns are {columns} and the shared quantity keys: {keys}",
        "cột không hợp lệ; các cột là {columns} và các khóa số liệu dùng chung: {keys}",
    ),
    (
        "the same header as column {column}",
        "trùng tên với cột {column}",
    ),
    (
        "has no \"{header}\" column (headers are case-sensitive)",
        "không có cột \"{header}\" (tên cột phân biệt chữ hoa, chữ thường)",
    ),
    (
        "is empty: its first row must hold the column headers",
        "đang trống: dòng đầu tiên phải ghi tên các cột",
    ),
    (
        "has no ward: add one row per ward below the headers",
        "chưa có phường, xã nào: hãy ghi mỗi phường, xã một dòng, dưới dòng tên cột",
    ),
    (
        "has a value but its column has no header",
        "có giá trị nhưng cột này chưa có tên",
    ),
    (
        "expected text, found {found:cell}",
        "phải là văn bản, nhưng đang là {found}",
    ),
    (
        "expected a whole number of at least 0, found {found:cell}",
        "phải là số nguyên không âm, nhưng đang là {found}",
    ),
    (
        "expected a date (a date cell, or text as YYYY-MM-DD), found {found:cell}",
        "phải là ngày (ô kiểu ngày, hoặc văn bản dạng YYYY-MM-DD), nhưng đang là {found}",
    ),
    // The HTTP service's problem details (`server`).
    (
        "the request body is larger than the limit of {limit:number} bytes",
        "nội dung gửi lên lớn hơn giới hạn {limit} byte",
    ),
    (
        "the server is busy rendering other documents; try again shortly",
        "máy chủ đang bận dựng các văn bản khác; vui lòng thử lại sau giây lát",
    ),
    (
        "the document took longer than {seconds:number} s to render",
        "văn bản dựng lâu hơn {seconds} giây, quá thời gian cho phép",
    ),
    ("internal error", "lỗi nội bộ của máy chủ"),
    (
        "the shared batch file: {problem:message}",
        "tệp dữ liệu chung: {problem}",
    ),
    (
        "the city's roll-up report: {problem:message}",
        "báo cáo tổng hợp của thành phố: {problem}",
    ),
    (
        "the sheet: cannot read the workbook: {cause}; save it as an Excel workbook (.xlsx)",
        "bảng tính: không đọc được tệp Excel ({cause}); hãy lưu lại thành tệp Excel (.xlsx)",
    ),
    (
        "the sheet: cannot read the CSV: {cause}; save it as CSV UTF-8, comma- or semicolon-separated",
        "bảng tính: không đọc được tệp CSV ({cause}); hãy lưu lại dạng CSV UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy",
    ),
    (
        "the sheet: {count:number} problem(s) in the sheet",
        "bảng tính có {count} lỗi",
    ),
    ("the sheet: {problem:message}", "bảng tính: {problem}"),
    (
        "page and dpi go with format=png",
        "page và dpi chỉ dùng với format=png",
    ),
    ("dpi goes with format=png", "dpi chỉ dùng với format=png"),
    (
        "pdf_a and sign_fields go with format=pdf",
        "pdf_a và sign_fields chỉ dùng với format=pdf",
    ),
    ("page counts from 1", "page được đếm từ 1"),
    (
        "dpi must be from 10 to {limit:number}",
        "dpi phải từ 10 đến {limit}",
    ),
    (
        "no document kind \"{kind}\"; the kinds are: {kinds}",
        "không có loại văn bản \"{kind}\"; các loại là: {kinds}",
    ),
    (
        "page {page:number} does not exist: the document has {pages:number} page(s)",
        "không có trang {page}: văn bản có {pages} trang",
    ),
    (
        "send the year data as application/json (the request said {media:media})",
        "hãy gửi dữ liệu năm dưới dạng application/json (yêu cầu ghi {media})",
    ),
    (
        "send the batch file as application/json (the request said {media:media})",
        "hãy gửi tệp lô dưới dạng application/json (yêu cầu ghi {media})",
    ),
    (
        "cannot read the request body: {cause}",
        "không đọc được nội dung yêu cầu: {cause}",
    ),
    (
        "bad query parameter: {parameter}: {problem:message}",
        "tham số truy vấn `{parameter}`: {problem}",
    ),
    (
        "send a batch file as application/json, or a sheet of wards (.xlsx or .csv) and the shared batch file as multipart/form-data parts `sheet` and `shared`",
        "hãy gửi tệp lô dưới dạng application/json, hoặc gửi bảng tính các phường, xã (.xlsx hoặc .csv) cùng tệp dữ liệu chung dưới dạng multipart/form-data, với hai phần `sheet` và `shared`",
    ),
    (
        "cannot read the form: {cause}",
        "không đọc được biểu mẫu: {cause}",
    ),
    // axum's refusal of a form without its boundary.
    (
        "Invalid `boundary` for `multipart/form-data` request",
        "yêu cầu `multipart/form-data` thiếu `boundary` hoặc `boundary` không hợp lệ",
    ),
    (
        "the form has two `{part}` parts",
        "biểu mẫu có hai phần `{part}`",
    ),
    (
        "unexpected form part `{part}`: send `sheet` (the .xlsx or .csv sheet of wards) and `shared` (the batch file with the shared data)",
        "biểu mẫu có phần `{part}` không dùng đến: hãy gửi `sheet` (bảng tính .xlsx hoặc .csv các phường, xã) và `shared` (tệp lô có dữ liệu chung)",
    ),
    (
        "the form has no `shared` part: the batch file with the shared data and roll-up",
        "biểu mẫu thiếu phần `shared`: tệp lô có dữ liệu chung và phần tổng hợp",
    ),
    (
        "the form has no `sheet` part: the .xlsx or .csv sheet of wards",
        "biểu mẫu thiếu phần `sheet`: bảng tính .xlsx hoặc .csv các phường, xã",
    ),
    (
        "the `sheet` part must be an .xlsx workbook or a .csv file",
        "phần `sheet` phải là tệp Excel (.xlsx) hoặc tệp .csv",
    ),
    (
        "{failed:number} of {wards:number} wards have problems; fix them, or send allow_partial=true to leave them out",
        "{failed} trên {wards} phường, xã có lỗi; hãy sửa các lỗi này, hoặc gửi allow_partial=true để bỏ qua các phường, xã đó",
    ),
    (
        "no route {path}; the API is under /v1 (see GET /v1/templates)",
        "không có đường dẫn {path}; giao diện lập trình (API) nằm dưới /v1 (xem GET /v1/templates)",
    ),
    (
        "this route does not take that method: documents, batches and validation are POST, the rest GET",
        "đường dẫn này không nhận phương thức đó: văn bản, lô và kiểm tra dữ liệu dùng POST, các đường dẫn còn lại dùng GET",
    ),
    ("no file /static/{file}", "không có tệp /static/{file}"),
    // The titles of problems: HTTP's reason phrases, which RFC 9457 lets a server localise.
    ("Bad Request", "Yêu cầu không hợp lệ"),
    ("Not Found", "Không tìm thấy"),
    ("Method Not Allowed", "Phương thức không được chấp nhận"),
    ("Payload Too Large", "Nội dung quá lớn"),
    ("Unsupported Media Type", "Kiểu nội dung không được hỗ trợ"),
    ("Unprocessable Entity", "Dữ liệu không hợp lệ"),
    ("Internal Server Error", "Lỗi máy chủ"),
    ("Service Unavailable", "Máy chủ đang bận"),
    ("Gateway Timeout", "Quá thời gian xử lý"),
    // A ward's file that cannot be read (a batch from a directory); last, so that the
    // messages above that start with "cannot read" fit their own templates first.
    (
        "cannot read {file}: {cause}",
        "không đọc được {file}: {cause}",
    ),
];

/// Where a problem is: a sheet's rows and columns; anything else (a JSON path, a file name)
/// as it is.
const LOCATIONS: &[(&str, &str)] = &[
    (
        "row {row:number}, column {column} ({header})",
        "dòng {row}, cột {column} ({header})",
    ),
    (
        "row {row:number}, column {column}",
        "dòng {row}, cột {column}",
    ),
    ("row {row:number}", "dòng {row}"),
    ("the sheet", "bảng tính"),
    ("{path}", "{path}"),
];

/// The types the schema expects.
const TYPES: &[(&str, &str)] = &[
    ("a whole number", "số nguyên"),
    ("text", "văn bản"),
    ("a list", "danh sách"),
    ("an object", "đối tượng"),
];

/// A value the schema found instead.
const VALUES: &[(&str, &str)] = &[
    ("the text {text:json}", "văn bản {text}"),
    ("the number {number:json}", "số {number}"),
    ("the fraction {number:json}", "số thập phân {number}"),
    ("a list", "danh sách"),
    ("an object", "đối tượng"),
    ("{value:json}", "{value}"),
];

/// Where a word must fit.
const PLACES: &[(&str, &str)] = &[
    ("a paragraph", "một dòng của đoạn văn"),
    ("a one-line field", "một trường một dòng"),
    ("a table cell", "một ô của bảng"),
];

/// The lists of figures placeholders name.
const FIGURES: &[(&str, &str)] = &[("quantities", "số liệu"), ("targets", "chỉ tiêu")];

/// A list of keys, or none.
const KEYS: &[(&str, &str)] = &[("none", "không có"), ("{keys}", "{keys}")];

/// A sheet's cell, as an error quotes it.
const CELLS: &[(&str, &str)] = &[
    ("the date and time {time}", "ngày giờ {time}"),
    ("the date {date}", "ngày {date}"),
    ("a duration", "một khoảng thời gian"),
    ("the error {error}", "lỗi {error}"),
    ("TRUE", "TRUE"),
    ("FALSE", "FALSE"),
    ("\"{text}\"", "\"{text}\""),
    ("{number:number}", "{number}"),
];

/// serde's list of the names it expected.
const NAMES: &[(&str, &str)] = &[
    ("one of {names}", "một trong {names}"),
    ("`{name}`", "`{name}`"),
];

/// What serde found.
const UNEXPECTED: &[(&str, &str)] = &[
    ("boolean `{value}`", "giá trị `{value}`"),
    ("integer `{value}`", "số nguyên `{value}`"),
    ("floating point `{value}`", "số thập phân `{value}`"),
    ("string {text}", "văn bản {text}"),
    ("null", "null"),
    ("sequence", "danh sách"),
    ("map", "đối tượng"),
];

/// What serde expected, in a batch file.
const EXPECTING: &[(&str, &str)] = &[
    ("a map", "một đối tượng"),
    ("a sequence", "một danh sách"),
    ("a string", "văn bản"),
    ("u64", "số nguyên không âm"),
    ("struct Batch", "một đối tượng (tệp lô)"),
    ("struct WardEntry", "một đối tượng (một phường, xã)"),
    // A struct given as a list.
    (
        "struct Batch with {count:number} elements",
        "một đối tượng (tệp lô) gồm {count} trường",
    ),
    (
        "struct WardEntry with {count:number} elements",
        "một đối tượng (một phường, xã) gồm {count} trường",
    ),
];

/// The media type a request declared.
const MEDIA: &[(&str, &str)] = &[
    ("no Content-Type", "không có Content-Type"),
    ("{media}", "{media}"),
];
