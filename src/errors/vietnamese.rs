//! The catalogue in Vietnamese: formal, as an official's office says it. Values a problem
//! quotes (text, numbers, keys, field names in backquotes) stay as they are.

use super::english::{list_or, quoted};
use super::kind::{
    CellValue, Expected, Figures, Found, Hint, IoReason, Kind, Measure, Part, Place, SpecialFile,
};
use super::{Location, column_letter};

impl Kind {
    /// The problem in Vietnamese.
    pub fn vietnamese(&self) -> String {
        match self {
            Kind::TextEmpty => "không được để trống".into(),
            Kind::DirectionControl { character } => format!(
                "không được chứa ký tự điều khiển hướng viết U+{:04X}",
                *character as u32
            ),
            Kind::WordTooLong {
                length,
                limit,
                place,
            } => format!(
                "có một từ dài {length} ký tự, vượt quá {limit} ký tự (độ dài tối đa vừa {}): \
                 hãy thêm dấu cách",
                place.vietnamese()
            ),
            Kind::InvisibleCharacter { character } => format!(
                "không được chứa ký tự U+{:04X} vì ký tự này không in ra được: hãy xóa ký tự này",
                *character as u32
            ),
            Kind::UnknownField => "trường không có trong lược đồ (kiểm tra chính tả; \
                                   `vanban schema` liệt kê các trường)"
                .into(),
            Kind::MissingField => "thiếu trường bắt buộc".into(),
            Kind::WrongType { expected, found } => format!(
                "phải là {}, nhưng đang là {}",
                or(expected.iter().map(Expected::vietnamese)),
                found.vietnamese()
            ),
            Kind::TooSmall { limit, found } => {
                format!("phải từ {limit} trở lên, nhưng đang là {found}")
            }
            Kind::TooLarge { limit, found } => {
                format!("không được vượt quá {limit}, nhưng đang là {found}")
            }
            Kind::TooFewItems { limit } => format!("phải có ít nhất {limit} mục"),
            Kind::TooManyItems { limit } => format!("chỉ được có tối đa {limit} mục"),
            Kind::TooLong { limit } => format!("chỉ được dài tối đa {limit} ký tự"),
            Kind::DocumentTooLong { length, limit } => format!(
                "có tổng cộng {length} ký tự, vượt quá {limit} ký tự mà một văn bản được phép \
                 có: hãy rút gọn các đoạn văn hoặc bỏ bớt"
            ),
            Kind::TooManyFigures { found, limit } => format!(
                "có tổng cộng {found} số liệu, vượt quá {limit} số liệu mà một văn bản được \
                 phép có"
            ),
            Kind::FieldTwice {
                first_line,
                first_column,
                line,
                column,
            } => format!(
                "được ghi hai lần trong cùng một đối tượng, ở dòng {first_line}, cột \
                 {first_column} và ở dòng {line}, cột {column}: chỉ giữ lại một"
            ),
            Kind::NotASymbol { found } => format!(
                "phải gồm chữ in hoa và chữ số, các nhóm nối bằng dấu '-' (ví dụ \"BCHQS\" hoặc \
                 \"BCHQS-HLHPN\"), nhưng đang là {found}"
            ),
            Kind::NotADate { found } => format!(
                "phải là một ngày có thật, viết theo dạng năm-tháng-ngày (YYYY-MM-DD), nhưng \
                 đang là {found}"
            ),
            Kind::NotOneOf { options, found } => {
                format!("phải là một trong các giá trị {options}, nhưng đang là {found}")
            }
            Kind::NotValid { found } => format!(
                "giá trị {found} không phù hợp ở đây (`vanban schema` mô tả nội dung từng trường)"
            ),
            Kind::BadId => "chỉ được gồm chữ cái thường không dấu và chữ số, nối bằng dấu '-', \
                            ví dụ \"hoi-lhpn\""
                .into(),
            Kind::DuplicateId { id } => format!("id \"{id}\" bị trùng"),
            Kind::MoneyTotalTooLarge { limit } => {
                format!("tổng các số tiền vượt quá {limit} đồng, báo cáo không in được")
            }
            Kind::OutsideReviewYears { year, found } => format!(
                "phải thuộc năm {year} hoặc năm {} (năm báo cáo hoặc năm sau), nhưng đang là \
                 {found}",
                year + 1
            ),
            Kind::BadKey => "chỉ được gồm chữ cái thường không dấu và chữ số, nối bằng dấu '_', \
                             ví dụ \"cay_xanh\""
                .into(),
            Kind::DuplicateKey { key } => format!("khóa \"{key}\" bị trùng"),
            Kind::UnknownPlaceholder {
                name,
                figures,
                keys,
            } => format!(
                "`{{{name}}}` không ứng với {} nào ở đây (các khóa: {})",
                match figures {
                    Figures::Quantities => "số liệu",
                    Figures::Targets => "chỉ tiêu",
                },
                list_or(keys, "không có")
            ),
            Kind::MoreThanOneValue => "có nhiều hơn một trong các trường `amount`, `count`, \
                                       `percent` và `ratio`; mỗi số liệu chỉ thuộc một loại"
                .into(),
            Kind::NoValue => "cần có `amount` (số tiền, tính tròn đồng), `count` (kèm `unit`), \
                              `percent` (tỷ lệ phần trăm) hoặc `ratio` (kèm `unit`)"
                .into(),
            Kind::UnitNotCounted => "chỉ dùng kèm `count` hoặc `ratio`; tiền luôn tính bằng \
                                     đồng, tỷ lệ phần trăm in dấu %"
                .into(),
            Kind::UnitMissing => "còn thiếu: hãy ghi đơn vị của số đếm, ví dụ \"cây xanh\"".into(),
            Kind::TableUnitWithoutUnit => "chỉ dùng kèm `unit`: đây là cách ghi ngắn gọn của \
                                           đơn vị tính trong bảng"
                .into(),
            Kind::PartOverWhole { part, whole } => format!(
                "phải là một tỷ số [phần, tổng] với phần không lớn hơn tổng, nhưng đang là \
                 [{part}, {whole}]"
            ),
            Kind::RepeatedUnit { name, words, unit } => format!(
                "sau `{{{name}}}` là \"{words}\", lặp lại đơn vị tính \"{unit}\" đã in kèm số liệu"
            ),
            Kind::FirstYearMissing => "còn thiếu: báo cáo tổng kết giai đoạn \
                                       (tong_ket_giai_doan) cần ghi năm đầu của giai đoạn"
                .into(),
            Kind::FirstYearNotBefore { year, found } => {
                format!("phải trước năm {year} (năm cuối của giai đoạn), nhưng đang là {found}")
            }
            Kind::FirstYearWithoutPeriod => "chỉ dùng cho báo cáo tổng kết giai đoạn \
                                             (tong_ket_giai_doan); hãy bỏ trường này"
                .into(),
            Kind::NotAProgramNumber => {
                "phải gồm số, dấu gạch chéo và ký hiệu, ví dụ \"01/CTr-BCHQS-CTXH\"".into()
            }
            Kind::ProgramAfterReport { date } => format!(
                "không được sau ngày của báo cáo ({})",
                crate::vn::date_short(*date)
            ),
            Kind::PlaceNotAlone { suggestion } => {
                format!("phải là riêng tên địa danh, như dòng ngày tháng ghi: \"{suggestion}\"")
            }
            Kind::OnBehalfOfWithActing => "không dùng với Q. (quyền): dòng thẩm quyền ký là \
                                           \"Q.\" rồi đến chức vụ"
                .into(),
            Kind::OnBehalfOfMissing { authority } => format!(
                "còn thiếu: thẩm quyền ký {} cần ghi rõ ký cho ai, ví dụ \"Chỉ huy trưởng\"",
                authority.prefix()
            ),
            Kind::AuthorityMissing => {
                "cần có `authority` (TM, KT, TL hoặc TUQ) để ghi rõ hình thức ký thay".into()
            }
            Kind::PartnerLeads { party } => {
                format!("\"{party}\" đã chủ trì mục này; chỉ liệt kê các bên phối hợp còn lại")
            }
            Kind::PartnerTwice { party } => format!("\"{party}\" được liệt kê hai lần"),
            Kind::ResponsibilityTwice { party } => {
                format!("\"{party}\" đã có mục trách nhiệm; mỗi bên chỉ ghi một mục")
            }
            Kind::MidyearNotBeforeYearEnd => "phải trước ngày tổng kết cuối năm".into(),
            Kind::NotASigningParty { party, parties } => format!(
                "\"{party}\" không thuộc các bên ký ({}); mọi bên được nêu trong chương trình \
                 đều phải ký",
                parties.join(", ")
            ),
            Kind::OutsideProgramYear { year, found } => {
                format!("phải thuộc năm {year} (năm của chương trình), nhưng đang là {found}")
            }
            Kind::TargetMeasureMismatch { key, target, found } => format!(
                "là kết quả của chỉ tiêu \"{key}\" trong chương trình năm nay, chỉ tiêu đó là {} \
                 nhưng số liệu này là {}: hãy ghi cùng một loại số liệu và cùng đơn vị tính, \
                 hoặc dùng mã khác",
                target.vietnamese(),
                found.vietnamese()
            ),
            Kind::TargetMeasuredTwice { key } => format!(
                "chỉ tiêu \"{key}\" trong chương trình năm nay là tỷ lệ phần trăm hoặc tỷ số, \
                 không cộng dồn được: chỉ một số liệu của báo cáo được mang mã \"{key}\""
            ),
            Kind::ProgramFileYear { file, year, found } => format!(
                "{file} là dữ liệu năm {found}; chương trình năm nay lấy từ dữ liệu năm {}, \
                 trong đó `next_program` là chương trình năm {year}",
                year - 1
            ),
            Kind::ProgramFileWithoutProgram { file, year } => {
                format!("{file} không có `next_program`: thiếu chương trình năm {year}")
            }
            Kind::ProgramGivenTwice { file } => format!(
                "dữ liệu đã có chương trình năm nay (`program`); hãy bỏ --program {file}, \
                 hoặc xóa `program` khỏi dữ liệu"
            ),
            Kind::NoProgram => {
                "còn thiếu: chương trình phối hợp được lập từ chương trình năm sau".into()
            }
            Kind::NoGlyph { character } => format!(
                "ký tự '{character}' (U+{:04X}) không có trong phông chữ; hãy xóa ký tự này hoặc \
                 thêm phông chữ bằng --font-dir",
                *character as u32
            ),
            Kind::NotUtf8 { line, column } => {
                format!("dữ liệu không phải văn bản UTF-8 hợp lệ, lỗi ở dòng {line}, cột {column}")
            }
            Kind::JsonSyntax {
                line,
                column,
                found,
            } => format!(
                "JSON sai cú pháp ở dòng {line}, cột {column}: {}",
                match found {
                    Some(character) => format!("ký tự {} không đúng chỗ", quoted(*character)),
                    None => "dữ liệu kết thúc khi JSON chưa trọn (thiếu dấu đóng `]`, `}` hoặc \
                             `\"`)"
                        .to_owned(),
                }
            ),
            Kind::DataProblems { count } => format!("dữ liệu năm có {count} lỗi"),
            Kind::BatchFileProblems { count } => format!("tệp lô văn bản có {count} lỗi"),
            Kind::NoWards => "phải có ít nhất một phường, xã".into(),
            Kind::WardUnnamed => "phải ghi tên phường, xã, ví dụ \"Phường An Mỹ\"".into(),
            Kind::NoUnitKind { kinds } => format!(
                "không bắt đầu bằng cấp của đơn vị hành chính: hãy viết như \"Phường An Mỹ\" \
                 hoặc \"TT. Bình Minh\", bắt đầu bằng một trong các từ {kinds} (viết hoa hay \
                 viết thường đều được)"
            ),
            Kind::PlaceholderKey { key } => format!(
                "\"{key}\" là chỗ điền cấp hoặc tên của đơn vị trong lô văn bản; hãy đặt cho số \
                 liệu này một khóa khác"
            ),
            Kind::ReservedFileName { slug } => {
                format!("cho ra tên tệp \"{slug}\", trùng tên tệp mà lô văn bản dùng riêng")
            }
            Kind::SameFileName { slug, other } => format!(
                "cho ra tên tệp \"{slug}\", trùng với tên tệp của {}",
                other.vietnamese()
            ),
            Kind::UnknownFigure { key, keys } => format!(
                "không có số liệu dùng chung nào có khóa \"{key}\" (các khóa: {})",
                list_or(keys, "không có")
            ),
            Kind::NotShared { key } => format!(
                "\"{key}\" không phải số liệu dùng chung, nên báo cáo tổng hợp không cộng được"
            ),
            Kind::KeyUsedTwice { key } => format!(
                "\"{key}\" được dùng hai lần; trong một lô, khóa của mỗi số liệu phải khác nhau"
            ),
            Kind::FileUnreadable { file, reason } => {
                format!("không đọc được {file}: {}", reason.vietnamese())
            }
            Kind::WardsFailed { failed, wards } => format!(
                "{failed} trên {wards} phường, xã có lỗi; hãy sửa các lỗi này, hoặc gửi \
                 allow_partial=true để bỏ qua các phường, xã đó"
            ),
            Kind::WardsLeftOut { failed, wards } => format!(
                "{failed} trên {wards} phường, xã có lỗi; các lỗi được liệt kê ở trên và trong \
                 tệp manifest"
            ),
            Kind::StoppedAtWard { ward } => format!("dừng lại ở {ward} (--strict)"),
            Kind::RollupFailed => "không lập được báo cáo tổng hợp".into(),
            Kind::NoValidWard { wards } => format!(
                "không phường, xã nào trong {wards} phường, xã lập được báo cáo, nên cũng không \
                 lập được báo cáo tổng hợp; hãy sửa các lỗi của từng phường, xã"
            ),
            Kind::TooManyWards { wards, limit } => format!(
                "lô văn bản có {wards} phường, xã, nhiều hơn mức tối đa {limit} phường, xã cho \
                 một lô; hãy chia thành nhiều lô"
            ),
            Kind::WardsWithoutProgram => "chương trình phối hợp của các phường, xã cần có \
                                          chương trình năm sau, nhưng không phường, xã nào có: \
                                          hãy ghi `next_program` trong phần `shared` của tệp lô \
                                          hoặc trong `overrides` của từng phường, xã"
                .into(),
            Kind::OfficesWithoutProgram => "chương trình phối hợp của các đơn vị cần có chương \
                                            trình năm sau, nhưng dữ liệu đã lưu của không đơn \
                                            vị nào có: hãy lưu phần “Chương trình phối hợp năm \
                                            sau” trong dữ liệu của từng đơn vị, hoặc ghi \
                                            `next_program` trong phần `shared` của tệp lô"
                .into(),
            Kind::DirectoryEmpty => {
                "không có tệp .json nào: hãy lưu dữ liệu năm của mỗi phường, xã vào một tệp".into()
            }
            Kind::DirectoryProblems { count } => format!("các tệp có {count} lỗi"),
            Kind::NotAPlainFile { what } => format!(
                "là {}, không phải tệp dữ liệu: hãy đặt chính tệp dữ liệu năm của phường, xã \
                 vào thư mục",
                what.vietnamese()
            ),
            Kind::WardFileTooLarge { limit_mb } => format!(
                "lớn hơn {limit_mb} MB, quá lớn so với dữ liệu năm của một phường, xã: hãy kiểm \
                 tra lại có đúng tệp không"
            ),
            Kind::NotAWorkbook => {
                "không đọc được tệp Excel: hãy lưu lại thành tệp Excel (.xlsx)".into()
            }
            Kind::NoWorksheet => "tệp Excel không có trang tính nào".into(),
            Kind::SheetFileTooLarge { limit_mb } => format!(
                "tệp bảng tính lớn hơn {limit_mb} MB, quá lớn so với một bảng danh sách phường, \
                 xã: hãy chỉ lưu trang tính danh sách phường, xã"
            ),
            Kind::WorkbookTooLarge { limit_mb } => format!(
                "tệp Excel khi giải nén lớn hơn {limit_mb} MB, quá lớn so với một bảng danh sách \
                 phường, xã: hãy chỉ lưu trang tính danh sách, bỏ hình ảnh và các trang tính khác"
            ),
            Kind::WorkbookTooCompressed { ratio } => format!(
                "tệp Excel bị nén chặt gấp {ratio} lần trở lên so với tệp do phần mềm bảng tính \
                 lưu: hãy mở tệp bằng Excel rồi lưu lại"
            ),
            Kind::SheetTooLarge { rows, last_column } => format!(
                "có giá trị nằm ngoài phạm vi của bảng danh sách phường, xã (tối đa {rows} dòng, \
                 các cột từ A đến {last_column}): hãy xóa phần nằm ngoài"
            ),
            Kind::NotCsv { line } => format!(
                "không đọc được tệp CSV{}: hãy lưu lại dạng CSV UTF-8, phân cách bằng dấu phẩy \
                 hoặc dấu chấm phẩy",
                line.map(|line| format!(" (dòng {line})"))
                    .unwrap_or_default()
            ),
            Kind::SheetProblems { count } => format!("bảng tính có {count} lỗi"),
            Kind::NotAHeader { found } => {
                format!("phải là tên cột, nhưng đang là {}", found.vietnamese())
            }
            Kind::UnknownColumn { columns, keys } => format!(
                "cột không hợp lệ; các cột là {} và các khóa số liệu dùng chung: {}",
                columns.join(", "),
                keys.join(", ")
            ),
            Kind::SameHeader { column } => format!("trùng tên với cột {column}"),
            Kind::MissingColumn { header } => {
                format!("không có cột \"{header}\" (tên cột phân biệt chữ hoa, chữ thường)")
            }
            Kind::SheetEmpty => "đang trống: dòng đầu tiên phải ghi tên các cột".into(),
            Kind::SheetWithoutWards => "chưa có phường, xã nào: hãy ghi mỗi phường, xã một \
                                        dòng, dưới dòng tên cột"
                .into(),
            Kind::ValueWithoutHeader => "có giá trị nhưng cột này chưa có tên".into(),
            Kind::NotText { found } => {
                format!("phải là văn bản, nhưng đang là {}", found.vietnamese())
            }
            Kind::NotWholeNumber { found } => format!(
                "phải là số nguyên không âm, nhưng đang là {}",
                found.vietnamese()
            ),
            Kind::NotADateCell { found } => format!(
                "phải là ngày (ô kiểu ngày, hoặc văn bản dạng YYYY-MM-DD), nhưng đang là {}",
                found.vietnamese()
            ),
            Kind::PageNeedsPng => "page và dpi chỉ dùng với định dạng png".into(),
            Kind::DpiNeedsPng => {
                "dpi chỉ dùng với định dạng png; trang svg không có độ phân giải".into()
            }
            Kind::PdfOptionsNeedPdf => {
                "PDF/A, PDF/UA và việc chọn ô chữ ký chỉ dùng với định dạng pdf".into()
            }
            Kind::PageFromOne => "page được đếm từ 1".into(),
            Kind::DpiOutOfRange { min, max } => format!("dpi phải từ {min} đến {max}"),
            Kind::NoPage { page, pages } => {
                format!("không có trang {page}: văn bản có {pages} trang")
            }
            Kind::NoDocumentKind { kind, kinds } => format!(
                "không có loại văn bản \"{kind}\"; các loại là: {}",
                kinds.join(", ")
            ),
            Kind::UnknownParameter { name, known } => format!(
                "không có tham số `{name}`; các tham số là {}",
                known.join(", ")
            ),
            Kind::ParameterTwice { name } => format!("tham số `{name}` được ghi hai lần"),
            Kind::BadParameter {
                name,
                expected,
                found,
            } => format!(
                "tham số `{name}` phải là {}, nhưng đang là \"{found}\"",
                expected.vietnamese()
            ),
            Kind::FieldsJsonWithoutFields => {
                "--fields-json liệt kê các ô chữ ký mà --no-sign-fields bỏ đi".into()
            }
            Kind::PngToStdoutNeedsPage => {
                "ghi trang PNG hoặc SVG ra đầu ra chuẩn cần có --page".into()
            }
            Kind::OtherSheetFormat { file } => {
                format!("{file}: vanban chỉ đọc bảng tính lưu dạng .xlsx hoặc .csv")
            }
            Kind::SheetNeedsShared { file } => {
                format!("{file} là bảng tính: --shared phải ghi tệp lô có dữ liệu dùng chung")
            }
            Kind::DirectoryNeedsShared { file } => format!(
                "{file} là thư mục tệp của các phường, xã: --shared phải ghi tệp lô có dữ liệu \
                 dùng chung"
            ),
            Kind::SharedWithBatchFile { file } => format!(
                "--shared chỉ dùng với bảng tính (.xlsx hoặc .csv) hoặc thư mục; {file} là tệp lô"
            ),
            Kind::CannotWrite {
                file,
                reason: IoReason::NotFound,
            } => format!("không ghi được {file}: không có thư mục chứa tệp này"),
            Kind::CannotWrite { file, reason } => {
                format!("không ghi được {file}: {}", reason.vietnamese())
            }
            Kind::NotAPdf => "không phải tệp PDF mà vanban đọc được".into(),
            Kind::PdfTooLarge { limit_mb } => {
                format!("tệp PDF lớn hơn {limit_mb} MB, mức lớn nhất vanban đọc được")
            }
            Kind::PdfFieldsTooDeep { limit } => format!(
                "biểu mẫu của tệp PDF lồng các trường sâu hơn {limit} cấp, quá mức vanban đọc được"
            ),
            Kind::PdfFieldsTooMany { limit } => {
                format!("biểu mẫu của tệp PDF có hơn {limit} trường, quá mức vanban đọc được")
            }
            Kind::PdfFieldNameTooLong { limit } => {
                format!("biểu mẫu của tệp PDF có một trường mang tên dài hơn {limit} ký tự")
            }
            Kind::PdfFieldLoop => {
                "biểu mẫu của tệp PDF bị hỏng: một trường nằm trong chính nó".into()
            }
            Kind::CannotServe { addr } => format!("không mở được dịch vụ tại {addr}"),
            Kind::NotJson { media } => format!(
                "hãy gửi dữ liệu năm dưới dạng application/json (yêu cầu ghi {})",
                media.as_deref().unwrap_or("không có Content-Type")
            ),
            Kind::BatchNotJson { media } => format!(
                "hãy gửi tệp lô dưới dạng application/json (yêu cầu ghi {})",
                media.as_deref().unwrap_or("không có Content-Type")
            ),
            Kind::NotABatch => "hãy gửi tệp lô dưới dạng application/json, hoặc gửi bảng tính \
                                các phường, xã (.xlsx hoặc .csv) cùng tệp dữ liệu chung dưới \
                                dạng multipart/form-data, với hai phần `sheet` và `shared`"
                .into(),
            Kind::BodyTooLarge { limit } => {
                format!("nội dung gửi lên lớn hơn giới hạn {limit} byte")
            }
            Kind::BodyUnreadable => "không đọc được nội dung yêu cầu".into(),
            Kind::BodyTimedOut { seconds } => format!(
                "nội dung yêu cầu không được gửi trọn vẹn trong {seconds} giây; hãy gửi một \
                 lần, không gửi nhỏ giọt từng phần"
            ),
            Kind::ContentEncoding { encoding } => {
                format!("nội dung được gửi ở dạng nén `{encoding}`; hãy gửi nội dung không nén")
            }
            Kind::UriTooLong { limit } => {
                format!("địa chỉ yêu cầu dài hơn giới hạn {limit} byte")
            }
            Kind::HeadersTooLarge { bytes, count } => {
                format!("phần đầu của yêu cầu lớn hơn {bytes} byte, hoặc có quá {count} dòng")
            }
            Kind::MalformedRequest => "không đọc được yêu cầu: hãy kiểm tra địa chỉ (phần được \
                                       mã hóa phần trăm phải giải mã thành UTF-8) và phần đầu \
                                       của yêu cầu"
                .into(),
            Kind::FormUnreadable => "không đọc được biểu mẫu: hãy gửi dạng multipart/form-data \
                                     kèm `boundary`"
                .into(),
            Kind::FormPartTwice { part } => format!("biểu mẫu có hai phần `{part}`"),
            Kind::FormPartUnexpected { part } => format!(
                "biểu mẫu có phần `{part}` không dùng đến: hãy gửi `sheet` (bảng tính .xlsx \
                 hoặc .csv các phường, xã) và `shared` (tệp lô có dữ liệu chung)"
            ),
            Kind::FormWithoutShared => {
                "biểu mẫu thiếu phần `shared`: tệp lô có dữ liệu chung và phần tổng hợp".into()
            }
            Kind::FormWithoutSheet => {
                "biểu mẫu thiếu phần `sheet`: bảng tính .xlsx hoặc .csv các phường, xã".into()
            }
            Kind::SheetPartFormat => "phần `sheet` phải là tệp Excel (.xlsx) hoặc tệp .csv".into(),
            Kind::NoRoute { path } => format!(
                "không có đường dẫn {path}; giao diện lập trình (API) nằm dưới /v1 (xem GET \
                 /v1/templates)"
            ),
            Kind::MethodNotAllowed => "đường dẫn này không nhận phương thức đó: văn bản, lô và \
                                       kiểm tra dữ liệu dùng POST, các đường dẫn còn lại dùng GET"
                .into(),
            Kind::NoStaticFile { file } => format!("không có tệp /static/{file}"),
            Kind::NoDatabase => {
                "máy chủ này không lưu dữ liệu: nó được chạy không có --database".into()
            }
            Kind::DatabaseUnavailable { location } => {
                format!("không mở được cơ sở dữ liệu {location}")
            }
            Kind::BackupNeedsSqlite => "vanban backup sao lưu cơ sở dữ liệu SQLite; hãy sao lưu \
                                        PostgreSQL bằng pg_dump"
                .into(),
            Kind::NotLoggedIn => "hãy đăng nhập trước (phiên đăng nhập, hoặc mã truy cập \
                                  Authorization: Bearer)"
                .into(),
            Kind::WrongLogin => "sai tên đăng nhập hoặc mật khẩu".into(),
            Kind::TooManyLogins { minutes } => {
                format!("đã nhập sai mật khẩu quá nhiều lần: hãy thử lại sau {minutes} phút")
            }
            Kind::CsrfTokenMissing => "thao tác này cần mã X-CSRF-Token của trang: hãy tải lại \
                                       trang rồi thử lại"
                .into(),
            Kind::NotAnOfficeCode { found } => format!(
                "“{found}” không phải mã cơ quan: dùng từ 2 đến 64 chữ thường không dấu và chữ \
                 số, nối bằng -, _ hoặc . (ví dụ tam-ky)"
            ),
            Kind::OfficeExists { code } => format!("đã có cơ quan mã {code}"),
            Kind::NoSuchOffice { code } => {
                format!("không có cơ quan mã {code} mà bạn được xem")
            }
            Kind::NotALogin { found } => format!(
                "“{found}” không phải tên đăng nhập: dùng từ 2 đến 64 chữ thường không dấu và \
                 chữ số, nối bằng -, _ hoặc . (ví dụ nguyen.van.a)"
            ),
            Kind::LoginExists { login } => format!("đã có tên đăng nhập {login}"),
            Kind::NoSuchLogin { login } => format!("không có tên đăng nhập {login}"),
            Kind::UserDisabled { login } => {
                format!("tài khoản {login} đã bị khóa: hãy chạy `vanban user enable {login}` trước")
            }
            Kind::PasswordTooShort { min } => format!("mật khẩu phải có ít nhất {min} ký tự"),
            Kind::PasswordsDiffer => "hai lần nhập mật khẩu không giống nhau".into(),
            Kind::NoSuchDraft { year } => format!("chưa lưu dữ liệu năm {year}"),
            Kind::NoSuchRevision { year, revision } => {
                format!("dữ liệu năm {year} không có bản lưu số {revision}")
            }
            Kind::RevisionConflict {
                year,
                base,
                current,
                saved_by,
            } => match base {
                0 => format!(
                    "dữ liệu năm {year} đã được lưu trước đó: bản số {current}, do {saved_by} \
                     lưu; hãy mở bản đó và sửa tiếp trên bản đó"
                ),
                _ => format!(
                    "dữ liệu năm {year} đã được lưu lại sau bản số {base}: bản số {current}, do \
                     {saved_by} lưu; hãy mở bản đó và sửa tiếp trên bản đó"
                ),
            },
            Kind::ChangedSince { revision } => format!("đã được sửa ở bản lưu số {revision}"),
            Kind::DraftYearMismatch { year, found } => {
                format!("dữ liệu này là của năm {found}, không phải năm {year}")
            }
            Kind::ReadOnlyOffice { code } => {
                format!("bạn được xem dữ liệu của {code} nhưng không được sửa")
            }
            Kind::NumberTaken {
                number,
                series,
                earlier,
                dated,
                issued_by,
                next,
            } => format!(
                "số {number:02} năm {series} đã cấp cho văn bản {earlier} ngày {} (do {issued_by} \
                 ban hành); số còn trống tiếp theo là {next:02}",
                dated.format("%d/%m/%Y")
            ),
            Kind::NoSubordinateDrafts { year } => {
                format!("chưa đơn vị trực thuộc nào lưu dữ liệu năm {year}")
            }
            Kind::NoSuchDocument { id } => {
                format!("sổ văn bản không có văn bản mã {id}")
            }
            Kind::NoSuchVersion { symbol, version } => {
                format!("văn bản {symbol} không có bản số {version}")
            }
            Kind::NotTheIssuedDocument { symbol, version } => format!(
                "tệp này không phải văn bản {symbol} đã ban hành có thêm chữ ký: tệp phải giữ \
                 nguyên toàn bộ bản số {version}; hãy ký trên tệp tải về từ sổ văn bản, bằng \
                 phần mềm ký số thêm chữ ký vào sau nội dung văn bản"
            ),
            Kind::SignedFromOlderVersion {
                symbol,
                based_on,
                latest,
            } => format!(
                "bản {symbol} này được ký trên bản số {based_on}, nhưng sau đó đã có bản số \
                 {latest}; hãy ký trên bản số {latest} rồi tải lên"
            ),
            Kind::NoNewSignature { symbol, signed } => match signed {
                0 => format!("bản {symbol} này chưa có chữ ký nào"),
                _ => format!(
                    "bản {symbol} này không có thêm chữ ký nào so với {signed} chữ ký đã có"
                ),
            },
            Kind::Busy => {
                "máy chủ đang bận dựng các văn bản khác; vui lòng thử lại sau giây lát".into()
            }
            Kind::TimedOut { seconds } => {
                format!("văn bản dựng lâu hơn {seconds} giây, quá thời gian cho phép")
            }
            Kind::Template { detail } => format!("lỗi mẫu văn bản: {detail}"),
            Kind::Typesetting { detail } => format!("lỗi dàn trang: {detail}"),
            Kind::Internal => "lỗi nội bộ của máy chủ".into(),
            // "bảng tính: bảng tính có 2 lỗi" says the sheet twice.
            Kind::Within {
                part: Part::Sheet,
                problem,
            } if matches!(**problem, Kind::SheetProblems { .. }) => problem.vietnamese(),
            Kind::Within { part, problem } => {
                let part = match part {
                    Part::SharedFile => "tệp dữ liệu chung",
                    Part::Rollup => "báo cáo tổng hợp",
                    Part::Sheet => "bảng tính",
                };
                format!("{part}: {}", problem.vietnamese())
            }
        }
    }
}

impl Location {
    pub(super) fn vietnamese(&self) -> String {
        match self {
            Location::Json(path) | Location::File(path) => path.clone(),
            Location::Cell {
                row,
                column,
                header: Some(header),
            } => format!("dòng {row}, cột {} ({header})", column_letter(*column)),
            Location::Cell { row, column, .. } => {
                format!("dòng {row}, cột {}", column_letter(*column))
            }
            Location::Row(row) => format!("dòng {row}"),
            Location::Sheet => "bảng tính".into(),
        }
    }
}

impl Place {
    fn vietnamese(self) -> &'static str {
        match self {
            Place::Paragraph => "một dòng của đoạn văn",
            Place::OneLineField => "một trường một dòng",
            Place::TableCell => "một ô của bảng",
        }
    }
}

impl Expected {
    fn vietnamese(&self) -> String {
        match self {
            Expected::WholeNumber => "số nguyên".into(),
            Expected::Number => "số".into(),
            Expected::Text => "văn bản".into(),
            Expected::List => "danh sách".into(),
            Expected::Object => "đối tượng".into(),
            Expected::TrueOrFalse => "true hoặc false".into(),
            Expected::Null => "null".into(),
            Expected::OneOf(words) => or(words.iter().map(|word| format!("`{word}`"))),
        }
    }
}

impl Found {
    fn vietnamese(&self) -> String {
        match self {
            Found::Null => "null".into(),
            Found::Bool(value) => value.to_string(),
            Found::Number(number) => format!("số {number}"),
            Found::Fraction(number) => format!("số thập phân {number}"),
            Found::Text(text) => format!("văn bản {text}"),
            Found::List => "danh sách".into(),
            Found::Object => "đối tượng".into(),
        }
    }
}

impl CellValue {
    fn vietnamese(&self) -> String {
        match self {
            CellValue::Empty => "ô trống".into(),
            CellValue::Text(text) => format!("\"{text}\""),
            CellValue::Number(number) => number.to_string(),
            CellValue::Date(date) => format!("ngày {date}"),
            CellValue::DateTime(time) => format!("ngày giờ {time}"),
            CellValue::Duration => "một khoảng thời gian".into(),
            CellValue::Bool(true) => "TRUE".into(),
            CellValue::Bool(false) => "FALSE".into(),
            CellValue::Error(error) => format!("lỗi {error}"),
        }
    }
}

impl IoReason {
    fn vietnamese(self) -> &'static str {
        match self {
            IoReason::NotFound => "không có tệp này",
            IoReason::PermissionDenied => "không có quyền truy cập",
            IoReason::DiskFull => "ổ đĩa đã đầy",
            IoReason::ReadOnly => "ổ đĩa chỉ cho đọc",
            IoReason::Folder => "đây là một thư mục",
            IoReason::Other => "lỗi đọc ghi",
        }
    }
}

impl SpecialFile {
    fn vietnamese(self) -> &'static str {
        match self {
            SpecialFile::Link => "một lối tắt (liên kết)",
            SpecialFile::Folder => "một thư mục",
            SpecialFile::Pipe => "một đường ống dữ liệu",
            SpecialFile::Device => "một thiết bị",
            SpecialFile::Socket => "một cổng kết nối",
        }
    }
}

impl Hint {
    pub(super) fn vietnamese(self) -> &'static str {
        match self {
            Hint::Schema => "`vanban schema` in ra mọi trường kèm kiểu dữ liệu",
            Hint::JsonInUtf8 => "dữ liệu vào phải là văn bản JSON mã hóa UTF-8",
            Hint::SheetCommand => "vanban batch WARDS.xlsx --shared BATCH.json -o OUT.zip",
            Hint::AllowPartial => {
                "--allow-partial cho kết quả 0 (thành công) khi chỉ một số phường, xã có lỗi"
            }
        }
    }
}

/// "a", "a hoặc b", "a, b hoặc c".
fn or(items: impl Iterator<Item = String>) -> String {
    let items: Vec<String> = items.collect();
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} hoặc {last}", rest.join(", ")),
        None => String::new(),
    }
}

impl Measure {
    fn vietnamese(&self) -> String {
        match self {
            Measure::Money => "số tiền (đồng)".into(),
            Measure::Count(unit) => format!("số lượng tính bằng \"{unit}\""),
            Measure::Percent => "tỷ lệ phần trăm".into(),
            Measure::Ratio(unit) => format!("tỷ số tính bằng \"{unit}\""),
        }
    }
}
