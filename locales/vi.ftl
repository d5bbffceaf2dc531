## vanban in Vietnamese, formal, as an official's office says it: every problem it reports (the
## message id is its code), then the parts of messages. Values a message quotes ($arguments,
## field names in backquotes) stay as they are.

text_empty = không được để trống
direction_control = không được chứa ký tự điều khiển hướng viết U+{ $code_point }
word_too_long = có một từ dài { $length } ký tự, vượt quá { $limit } ký tự (độ dài tối đa vừa { $place }): hãy thêm dấu cách
invisible_character = không được chứa ký tự U+{ $code_point } vì ký tự này không in ra được: hãy xóa ký tự này
unknown_field = trường không có trong lược đồ (kiểm tra chính tả; `vanban schema` liệt kê các trường)
missing_field = thiếu trường bắt buộc
wrong_type = phải là { $expected }, nhưng đang là { $found }
too_small = phải từ { $limit } trở lên, nhưng đang là { $found }
too_large = không được vượt quá { $limit }, nhưng đang là { $found }
too_few_items = phải có ít nhất { $limit } mục
too_many_items = chỉ được có tối đa { $limit } mục
too_long = chỉ được dài tối đa { $limit } ký tự
document_too_long = có tổng cộng { $length } ký tự, vượt quá { $limit } ký tự mà một văn bản được phép có: hãy rút gọn các đoạn văn hoặc bỏ bớt
too_many_figures = có tổng cộng { $found } số liệu, vượt quá { $limit } số liệu mà một văn bản được phép có
field_twice = được ghi hai lần trong cùng một đối tượng, ở dòng { $first_line }, cột { $first_column } và ở dòng { $line }, cột { $column }: chỉ giữ lại một
not_a_symbol = phải gồm chữ in hoa và chữ số, các nhóm nối bằng dấu '-' (ví dụ "BCHQS" hoặc "BCHQS-HLHPN"), nhưng đang là { $found }
not_a_date = phải là một ngày có thật, viết theo dạng năm-tháng-ngày (YYYY-MM-DD), nhưng đang là { $found }
not_one_of = phải là một trong các giá trị { $options }, nhưng đang là { $found }
not_valid = giá trị { $found } không phù hợp ở đây (`vanban schema` mô tả nội dung từng trường)
bad_id = chỉ được gồm chữ cái thường không dấu và chữ số, nối bằng dấu '-', ví dụ "hoi-lhpn"
duplicate_id = id "{ $id }" bị trùng
money_total_too_large = tổng các số tiền vượt quá { $limit } đồng, báo cáo không in được
outside_review_years = phải thuộc năm { $year } hoặc năm { $next_year } (năm báo cáo hoặc năm sau), nhưng đang là { $found }
bad_key = chỉ được gồm chữ cái thường không dấu và chữ số, nối bằng dấu '_', ví dụ "cay_xanh"
duplicate_key = khóa "{ $key }" bị trùng
unknown_placeholder =
    `{"{"}{ $name }{"}"}` không ứng với { $figures ->
        [targets] chỉ tiêu
       *[quantities] số liệu
    } nào ở đây (các khóa: { $keys })
more_than_one_value = có nhiều hơn một trong các trường `amount`, `count`, `percent` và `ratio`; mỗi số liệu chỉ thuộc một loại
no_value = cần có `amount` (số tiền, tính tròn đồng), `count` (kèm `unit`), `percent` (tỷ lệ phần trăm) hoặc `ratio` (kèm `unit`)
unit_not_counted = chỉ dùng kèm `count` hoặc `ratio`; tiền luôn tính bằng đồng, tỷ lệ phần trăm in dấu %
unit_missing = còn thiếu: hãy ghi đơn vị của số đếm, ví dụ "cây xanh"
table_unit_without_unit = chỉ dùng kèm `unit`: đây là cách ghi ngắn gọn của đơn vị tính trong bảng
part_over_whole = phải là một tỷ số [phần, tổng] với phần không lớn hơn tổng, nhưng đang là [{ $part }, { $whole }]
repeated_unit = sau `{"{"}{ $name }{"}"}` là "{ $words }", lặp lại đơn vị tính "{ $unit }" đã in kèm số liệu
first_year_missing = còn thiếu: báo cáo tổng kết giai đoạn (tong_ket_giai_doan) cần ghi năm đầu của giai đoạn
first_year_not_before = phải trước năm { $year } (năm cuối của giai đoạn), nhưng đang là { $found }
first_year_without_period = chỉ dùng cho báo cáo tổng kết giai đoạn (tong_ket_giai_doan); hãy bỏ trường này
not_a_program_number = phải gồm số, dấu gạch chéo và ký hiệu, ví dụ "01/CTr-BCHQS-CTXH"
program_after_report = không được sau ngày của báo cáo ({ $date_short })
place_not_alone = phải là riêng tên địa danh, như dòng ngày tháng ghi: "{ $suggestion }"
on_behalf_of_with_acting = không dùng với Q. (quyền): dòng thẩm quyền ký là "Q." rồi đến chức vụ
on_behalf_of_missing = còn thiếu: thẩm quyền ký { $authority } cần ghi rõ ký cho ai, ví dụ "Chỉ huy trưởng"
authority_missing = cần có `authority` (TM, KT, TL hoặc TUQ) để ghi rõ hình thức ký thay
partner_leads = "{ $party }" đã chủ trì mục này; chỉ liệt kê các bên phối hợp còn lại
partner_twice = "{ $party }" được liệt kê hai lần
responsibility_twice = "{ $party }" đã có mục trách nhiệm; mỗi bên chỉ ghi một mục
midyear_not_before_year_end = phải trước ngày tổng kết cuối năm
not_a_signing_party = "{ $party }" không thuộc các bên ký ({ $parties }); mọi bên được nêu trong chương trình đều phải ký
outside_program_year = phải thuộc năm { $year } (năm của chương trình), nhưng đang là { $found }
target_measure_mismatch = là kết quả của chỉ tiêu "{ $key }" trong chương trình năm nay, chỉ tiêu đó là { $target } nhưng số liệu này là { $found }: hãy ghi cùng một loại số liệu và cùng đơn vị tính, hoặc dùng mã khác
target_measured_twice = chỉ tiêu "{ $key }" trong chương trình năm nay là tỷ lệ phần trăm hoặc tỷ số, không cộng dồn được: chỉ một số liệu của báo cáo được mang mã "{ $key }"
program_file_year = { $file } là dữ liệu năm { $found }; chương trình năm nay lấy từ dữ liệu năm { $last_year }, trong đó `next_program` là chương trình năm { $year }
program_file_without_program = { $file } không có `next_program`: thiếu chương trình năm { $year }
program_given_twice = dữ liệu đã có chương trình năm nay (`program`); hãy bỏ --program { $file }, hoặc xóa `program` khỏi dữ liệu
no_program = còn thiếu: chương trình phối hợp được lập từ chương trình năm sau
no_glyph = ký tự '{ $character }' (U+{ $code_point }) không có trong phông chữ; hãy xóa ký tự này hoặc thêm phông chữ bằng --font-dir
not_utf8 = dữ liệu không phải văn bản UTF-8 hợp lệ, lỗi ở dòng { $line }, cột { $column }
json_syntax = JSON sai cú pháp ở dòng { $line }, cột { $column }: { $problem }
data_problems = dữ liệu năm có { $count } lỗi
batch_file_problems = tệp lô văn bản có { $count } lỗi
no_wards = phải có ít nhất một phường, xã
ward_unnamed = phải ghi tên phường, xã, ví dụ "Phường An Mỹ"
no_unit_kind = không bắt đầu bằng cấp của đơn vị hành chính: hãy viết như "Phường An Mỹ" hoặc "TT. Bình Minh", bắt đầu bằng một trong các từ { $kinds } (viết hoa hay viết thường đều được)
placeholder_key = "{ $key }" là chỗ điền cấp hoặc tên của đơn vị trong lô văn bản; hãy đặt cho số liệu này một khóa khác
reserved_file_name = cho ra tên tệp "{ $slug }", trùng tên tệp mà lô văn bản dùng riêng
same_file_name = cho ra tên tệp "{ $slug }", trùng với tên tệp của { $other }
unknown_figure = không có số liệu dùng chung nào có khóa "{ $key }" (các khóa: { $keys })
not_shared = "{ $key }" không phải số liệu dùng chung, nên báo cáo tổng hợp không cộng được
key_used_twice = "{ $key }" được dùng hai lần; trong một lô, khóa của mỗi số liệu phải khác nhau
file_unreadable = không đọc được { $file }: { $reason }
wards_failed = { $failed } trên { $wards } phường, xã có lỗi; hãy sửa các lỗi này, hoặc gửi allow_partial=true để bỏ qua các phường, xã đó
wards_left_out = { $failed } trên { $wards } phường, xã có lỗi; các lỗi được liệt kê ở trên và trong tệp manifest
stopped_at_ward = dừng lại ở { $ward } (--strict)
rollup_failed = không lập được báo cáo tổng hợp
no_valid_ward = không phường, xã nào trong { $wards } phường, xã lập được báo cáo, nên cũng không lập được báo cáo tổng hợp; hãy sửa các lỗi của từng phường, xã
too_many_wards = lô văn bản có { $wards } phường, xã, nhiều hơn mức tối đa { $limit } phường, xã cho một lô; hãy chia thành nhiều lô
wards_without_program = chương trình phối hợp của các phường, xã cần có chương trình năm sau, nhưng không phường, xã nào có: hãy ghi `next_program` trong phần `shared` của tệp lô hoặc trong `overrides` của từng phường, xã
offices_without_program = chương trình phối hợp của các đơn vị cần có chương trình năm sau, nhưng dữ liệu đã lưu của không đơn vị nào có: hãy lưu phần “Chương trình phối hợp năm sau” trong dữ liệu của từng đơn vị, hoặc ghi `next_program` trong phần `shared` của tệp lô
directory_empty = không có tệp .json nào: hãy lưu dữ liệu năm của mỗi phường, xã vào một tệp
directory_problems = các tệp có { $count } lỗi
not_a_plain_file = là { $what }, không phải tệp dữ liệu: hãy đặt chính tệp dữ liệu năm của phường, xã vào thư mục
ward_file_too_large = lớn hơn { $limit_mb } MB, quá lớn so với dữ liệu năm của một phường, xã: hãy kiểm tra lại có đúng tệp không
not_a_workbook = không đọc được tệp Excel: hãy lưu lại thành tệp Excel (.xlsx)
no_worksheet = tệp Excel không có trang tính nào
sheet_file_too_large = tệp bảng tính lớn hơn { $limit_mb } MB, quá lớn so với một bảng danh sách phường, xã: hãy chỉ lưu trang tính danh sách phường, xã
workbook_too_large = tệp Excel khi giải nén lớn hơn { $limit_mb } MB, quá lớn so với một bảng danh sách phường, xã: hãy chỉ lưu trang tính danh sách, bỏ hình ảnh và các trang tính khác
workbook_too_compressed = tệp Excel bị nén chặt gấp { $ratio } lần trở lên so với tệp do phần mềm bảng tính lưu: hãy mở tệp bằng Excel rồi lưu lại
sheet_too_large = có giá trị nằm ngoài phạm vi của bảng danh sách phường, xã (tối đa { $rows } dòng, các cột từ A đến { $last_column }): hãy xóa phần nằm ngoài
not_csv =
    không đọc được tệp CSV{ $line ->
        [0] {""}
       *[other] {" "}(dòng { $line })
    }: hãy lưu lại dạng CSV UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy
sheet_problems = bảng tính có { $count } lỗi
not_a_header = phải là tên cột, nhưng đang là { $found }
unknown_column = cột không hợp lệ; các cột là { $columns } và các khóa số liệu dùng chung: { $keys }
same_header = trùng tên với cột { $column }
missing_column = không có cột "{ $header }" (tên cột phân biệt chữ hoa, chữ thường)
sheet_empty = đang trống: dòng đầu tiên phải ghi tên các cột
sheet_without_wards = chưa có phường, xã nào: hãy ghi mỗi phường, xã một dòng, dưới dòng tên cột
value_without_header = có giá trị nhưng cột này chưa có tên
not_text = phải là văn bản, nhưng đang là { $found }
not_whole_number = phải là số nguyên không âm, nhưng đang là { $found }
not_a_date_cell = phải là ngày (ô kiểu ngày, hoặc văn bản dạng YYYY-MM-DD), nhưng đang là { $found }
page_needs_png = page và dpi chỉ dùng với định dạng png
dpi_needs_png = dpi chỉ dùng với định dạng png; trang svg không có độ phân giải
pdf_options_need_pdf = PDF/A, PDF/UA và việc chọn ô chữ ký chỉ dùng với định dạng pdf
page_from_one = page được đếm từ 1
dpi_out_of_range = dpi phải từ { $min } đến { $max }
no_page = không có trang { $page }: văn bản có { $pages } trang
no_document_kind = không có loại văn bản "{ $kind }"; các loại là: { $kinds }
unknown_parameter = không có tham số `{ $name }`; các tham số là { $known }
parameter_twice = tham số `{ $name }` được ghi hai lần
bad_parameter = tham số `{ $name }` phải là { $expected }, nhưng đang là "{ $found }"
fields_json_without_fields = --fields-json liệt kê các ô chữ ký mà --no-sign-fields bỏ đi
png_to_stdout_needs_page = ghi trang PNG hoặc SVG ra đầu ra chuẩn cần có --page
other_sheet_format = { $file }: vanban chỉ đọc bảng tính lưu dạng .xlsx hoặc .csv
sheet_needs_shared = { $file } là bảng tính: --shared phải ghi tệp lô có dữ liệu dùng chung
directory_needs_shared = { $file } là thư mục tệp của các phường, xã: --shared phải ghi tệp lô có dữ liệu dùng chung
shared_with_batch_file = --shared chỉ dùng với bảng tính (.xlsx hoặc .csv) hoặc thư mục; { $file } là tệp lô
cannot_write =
    không ghi được { $file }: { $reason ->
        [not_found] không có thư mục chứa tệp này
       *[other] { $reason_words }
    }
not_a_pdf = không phải tệp PDF mà vanban đọc được
pdf_too_large = tệp PDF lớn hơn { $limit_mb } MB, mức lớn nhất vanban đọc được
pdf_fields_too_deep = biểu mẫu của tệp PDF lồng các trường sâu hơn { $limit } cấp, quá mức vanban đọc được
pdf_fields_too_many = biểu mẫu của tệp PDF có hơn { $limit } trường, quá mức vanban đọc được
pdf_field_name_too_long = biểu mẫu của tệp PDF có một trường mang tên dài hơn { $limit } ký tự
pdf_field_loop = biểu mẫu của tệp PDF bị hỏng: một trường nằm trong chính nó
cannot_serve = không mở được dịch vụ tại { $addr }
not_json = hãy gửi dữ liệu năm dưới dạng application/json (yêu cầu ghi { $media })
batch_not_json = hãy gửi tệp lô dưới dạng application/json (yêu cầu ghi { $media })
not_a_batch = hãy gửi tệp lô dưới dạng application/json, hoặc gửi bảng tính các phường, xã (.xlsx hoặc .csv) cùng tệp dữ liệu chung dưới dạng multipart/form-data, với hai phần `sheet` và `shared`
body_too_large = nội dung gửi lên lớn hơn giới hạn { $limit } byte
body_unreadable = không đọc được nội dung yêu cầu
body_timed_out = nội dung yêu cầu không được gửi trọn vẹn trong { $seconds } giây; hãy gửi một lần, không gửi nhỏ giọt từng phần
content_encoding = nội dung được gửi ở dạng nén `{ $encoding }`; hãy gửi nội dung không nén
uri_too_long = địa chỉ yêu cầu dài hơn giới hạn { $limit } byte
headers_too_large = phần đầu của yêu cầu lớn hơn { $bytes } byte, hoặc có quá { $count } dòng
malformed_request = không đọc được yêu cầu: hãy kiểm tra địa chỉ (phần được mã hóa phần trăm phải giải mã thành UTF-8) và phần đầu của yêu cầu
form_unreadable = không đọc được biểu mẫu: hãy gửi dạng multipart/form-data kèm `boundary`
form_part_twice = biểu mẫu có hai phần `{ $part }`
form_part_unexpected = biểu mẫu có phần `{ $part }` không dùng đến: hãy gửi `sheet` (bảng tính .xlsx hoặc .csv các phường, xã) và `shared` (tệp lô có dữ liệu chung)
form_without_shared = biểu mẫu thiếu phần `shared`: tệp lô có dữ liệu chung và phần tổng hợp
form_without_sheet = biểu mẫu thiếu phần `sheet`: bảng tính .xlsx hoặc .csv các phường, xã
sheet_part_format = phần `sheet` phải là tệp Excel (.xlsx) hoặc tệp .csv
no_route = không có đường dẫn { $path }; giao diện lập trình (API) nằm dưới /v1 (xem GET /v1/templates)
method_not_allowed = đường dẫn này không nhận phương thức đó: văn bản, lô và kiểm tra dữ liệu dùng POST, các đường dẫn còn lại dùng GET
no_static_file = không có tệp /static/{ $file }
no_database = máy chủ này không lưu dữ liệu: nó được chạy không có --database
database_unavailable = không mở được cơ sở dữ liệu { $location }
backup_needs_sqlite = vanban backup sao lưu cơ sở dữ liệu SQLite; hãy sao lưu PostgreSQL bằng pg_dump
not_logged_in = hãy đăng nhập trước (phiên đăng nhập, hoặc mã truy cập Authorization: Bearer)
wrong_login = sai tên đăng nhập hoặc mật khẩu
too_many_logins = đã nhập sai mật khẩu quá nhiều lần: hãy thử lại sau { $minutes } phút
csrf_token_missing = thao tác này cần mã X-CSRF-Token của trang: hãy tải lại trang rồi thử lại
not_an_office_code = “{ $found }” không phải mã cơ quan: dùng từ 2 đến 64 chữ thường không dấu và chữ số, nối bằng -, _ hoặc . (ví dụ tam-ky)
office_exists = đã có cơ quan mã { $code }
no_such_office = không có cơ quan mã { $code } mà bạn được xem
not_a_login = “{ $found }” không phải tên đăng nhập: dùng từ 2 đến 64 chữ thường không dấu và chữ số, nối bằng -, _ hoặc . (ví dụ nguyen.van.a)
login_exists = đã có tên đăng nhập { $login }
no_such_login = không có tên đăng nhập { $login }
user_disabled = tài khoản { $login } đã bị khóa: hãy chạy `vanban user enable { $login }` trước
no_such_token = tài khoản { $login } không có mã truy cập nào mang nhãn "{ $label }" (`vanban user tokens { $login }` liệt kê các mã)
password_too_short = mật khẩu phải có ít nhất { $min } ký tự
passwords_differ = hai lần nhập mật khẩu không giống nhau
no_such_draft = chưa lưu dữ liệu năm { $year }
no_such_revision = dữ liệu năm { $year } không có bản lưu số { $revision }
revision_conflict =
    { $base ->
        [0] dữ liệu năm { $year } đã được lưu trước đó: bản số { $current }, do { $saved_by } lưu; hãy mở bản đó và sửa tiếp trên bản đó
       *[other] dữ liệu năm { $year } đã được lưu lại sau bản số { $base }: bản số { $current }, do { $saved_by } lưu; hãy mở bản đó và sửa tiếp trên bản đó
    }
changed_since = đã được sửa ở bản lưu số { $revision }
draft_year_mismatch = dữ liệu này là của năm { $found }, không phải năm { $year }
read_only_office = bạn được xem dữ liệu của { $code } nhưng không được sửa
number_taken = số { $number } năm { $series } đã cấp cho văn bản { $earlier } ngày { $date_short } (do { $issued_by } ban hành); số còn trống tiếp theo là { $next }
no_subordinate_drafts = chưa đơn vị trực thuộc nào lưu dữ liệu năm { $year }
no_such_document = sổ văn bản không có văn bản mã { $id }
no_such_version = văn bản { $symbol } không có bản số { $version }
not_the_issued_document = tệp này không phải văn bản { $symbol } đã ban hành có thêm chữ ký: tệp phải giữ nguyên toàn bộ bản số { $version }; hãy ký trên tệp tải về từ sổ văn bản, bằng phần mềm ký số thêm chữ ký vào sau nội dung văn bản
signed_from_older_version = bản { $symbol } này được ký trên bản số { $based_on }, nhưng sau đó đã có bản số { $latest }; hãy ký trên bản số { $latest } rồi tải lên
no_new_signature =
    { $signed ->
        [0] bản { $symbol } này chưa có chữ ký nào
       *[other] bản { $symbol } này không có thêm chữ ký nào so với { $signed } chữ ký đã có
    }
busy = máy chủ đang bận dựng các văn bản khác; vui lòng thử lại sau giây lát
timed_out = văn bản dựng lâu hơn { $seconds } giây, quá thời gian cho phép
template = lỗi mẫu văn bản: { $detail }
typesetting = lỗi dàn trang: { $detail }
internal = lỗi nội bộ của máy chủ
within =
    { $part ->
        [shared_file] tệp dữ liệu chung: { $problem }
        [rollup] báo cáo tổng hợp: { $problem }
       *[sheet] { $problem_code ->
            [sheet_problems] { $problem }
           *[other] bảng tính: { $problem }
        }
    }

## Các phần của thông báo: giá trị phải là gì, đang là gì, ở đâu và vì sao.

place_paragraph = một dòng của đoạn văn
place_one_line_field = một trường một dòng
place_table_cell = một ô của bảng
expected_whole_number = số nguyên
expected_number = số
expected_text = văn bản
expected_list = danh sách
expected_object = đối tượng
expected_true_or_false = true hoặc false
expected_null = null
found_null = null
found_number = số { $value }
found_fraction = số thập phân { $value }
found_text = văn bản { $value }
found_list = danh sách
found_object = đối tượng
cell_empty = ô trống
cell_text = "{ $value }"
cell_date = ngày { $value }
cell_date_time = ngày giờ { $value }
cell_duration = một khoảng thời gian
cell_error = lỗi { $value }
io_not_found = không có tệp này
io_permission_denied = không có quyền truy cập
io_disk_full = ổ đĩa đã đầy
io_read_only = ổ đĩa chỉ cho đọc
io_folder = đây là một thư mục
io_other = lỗi đọc ghi
special_link = một lối tắt (liên kết)
special_folder = một thư mục
special_pipe = một đường ống dữ liệu
special_device = một thiết bị
special_socket = một cổng kết nối
measure_money = số tiền (đồng)
measure_count = số lượng tính bằng "{ $unit }"
measure_percent = tỷ lệ phần trăm
measure_ratio = tỷ số tính bằng "{ $unit }"
json_misplaced = ký tự { $character } không đúng chỗ
json_ends_early = dữ liệu kết thúc khi JSON chưa trọn (thiếu dấu đóng `]`, `{"}"}` hoặc `"`)
no_content_type = không có Content-Type
none = không có
or = hoặc

## Vị trí của lỗi.

location_cell = dòng { $row }, cột { $column }
location_cell_headed = dòng { $row }, cột { $column } ({ $header })
location_row = dòng { $row }
location_sheet = bảng tính

## Việc cần làm tiếp.

hint_schema = `vanban schema` in ra mọi trường kèm kiểu dữ liệu
hint_json_in_utf8 = dữ liệu vào phải là văn bản JSON mã hóa UTF-8
hint_sheet_command = vanban batch WARDS.xlsx --shared BATCH.json -o OUT.zip
hint_allow_partial = --allow-partial cho kết quả 0 (thành công) khi chỉ một số phường, xã có lỗi
