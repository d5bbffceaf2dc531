## vanban in English: every problem it reports (the message id is its code), then the parts
## of messages. Values a message quotes are its $arguments.

text_empty = must not be empty
direction_control = must not contain the direction control character U+{ $code_point }
word_too_long = has a word of { $length } characters, more than the { $limit } that fit { $place }: add spaces
invisible_character = must not contain the character U+{ $code_point }, which does not print: remove it
unknown_field = unknown field (check its spelling; `vanban schema` lists the fields)
missing_field = missing required field
wrong_type = expected { $expected }, found { $found }
too_small = must be at least { $limit }, found { $found }
too_large = must be at most { $limit }, found { $found }
too_few_items =
    must list at least { $limit ->
        [one] 1 item
       *[other] { $limit } items
    }
too_many_items =
    must list at most { $limit ->
        [one] 1 item
       *[other] { $limit } items
    }
too_long = must be at most { $limit } characters
document_too_long = holds { $length } characters of text in all, more than the { $limit } one document may hold: shorten the paragraphs or leave some out
too_many_figures = hold { $found } figures in all, more than the { $limit } one document may hold
field_twice = is written twice in the same object, at line { $first_line }, column { $first_column } and again at line { $line }, column { $column }: keep one
not_a_symbol = must be capital letters and digits, in groups joined by '-' (e.g. "BCHQS" or "BCHQS-HLHPN"), found { $found }
not_a_date = expected a real calendar date as YYYY-MM-DD, found { $found }
not_one_of = expected one of { $options }, found { $found }
not_valid = { $found } does not fit here (`vanban schema` says what each field holds)
bad_id = must be lowercase ASCII letters and digits joined by '-', e.g. "hoi-lhpn"
duplicate_id = duplicate id "{ $id }"
money_total_too_large = the money figures add up to more than { $limit } đồng, which the report cannot print
outside_review_years = must fall in { $year } or { $next_year }, the year under review or the next, found { $found }
bad_key = must be lowercase ASCII letters and digits joined by '_', e.g. "cay_xanh"
duplicate_key = duplicate key "{ $key }"
unknown_placeholder =
    `{"{"}{ $name }{"}"}` names none of the { $figures ->
        [targets] targets
       *[quantities] quantities
    } here (keys: { $keys })
more_than_one_value = gives more than one of `amount`, `count`, `percent` and `ratio`; a figure is one of them
no_value = needs `amount` (money in whole đồng), `count` (with `unit`), `percent` or `ratio` (with `unit`)
unit_not_counted = goes with `count` and `ratio` only; money is always in đồng and a percentage prints %
unit_missing = missing: say what is counted, e.g. "cây xanh"
table_unit_without_unit = goes with `unit` only: it is the table's shorter form of it
part_over_whole = must be a part of a whole, [part, whole] with the part at most the whole, found [{ $part }, { $whole }]
repeated_unit = `{"{"}{ $name }{"}"}` is followed by "{ $words }", which its unit "{ $unit }" already prints
first_year_missing = missing: a report on a period (tong_ket_giai_doan) needs the period's first year
first_year_not_before = must be before { $year }, the last year of the period, found { $found }
first_year_without_period = goes with a report on a period (tong_ket_giai_doan) only; leave it out
not_a_program_number = must be the number, a slash and the ký hiệu, e.g. "01/CTr-BCHQS-CTXH"
program_after_report = must not be later than the report's date, { $date }
place_not_alone = must be the place name alone, as the date line prints it: "{ $suggestion }"
on_behalf_of_with_acting = not used with Q. (acting): the authority line is "Q." followed by the title
on_behalf_of_missing = missing: { $authority } needs whom it signs for, e.g. "Chỉ huy trưởng"
authority_missing = needs `authority` (TM, KT, TL or TUQ) to say how the signer acts for them
partner_leads = "{ $party }" leads this item; list only the other parties
partner_twice = "{ $party }" is listed twice
responsibility_twice = "{ $party }" already has responsibilities; give each party one entry
midyear_not_before_year_end = must come before the year-end review
not_a_signing_party = "{ $party }" is not one of the signing parties ({ $parties }); every party named in the program must sign it
outside_program_year = must fall in { $year }, the program's year, found { $found }
target_measure_mismatch = answers the target "{ $key }" of this year's program, which is { $target }, but this figure is { $found }: give both the same kind of figure and the same unit, or another key
target_measured_twice = the target "{ $key }" of this year's program is a percentage or a ratio, which is never added up: only one figure of the report may have the key "{ $key }"
program_file_year = { $file } is the data of { $found }; this year's program comes from the data of { $last_year }, whose `next_program` is the program for { $year }
program_file_without_program = { $file } has no `next_program`: the program for { $year } is missing there
program_given_twice = the data already has this year's program (`program`); leave out --program { $file }, or remove `program` from the data
no_program = missing: the agreement is made from next year's program
no_glyph = character '{ $character }' (U+{ $code_point }) has no glyph in the fonts; remove it or add a font with --font-dir
not_utf8 = input is not valid UTF-8 at line { $line }, column { $column }
json_syntax = malformed JSON at line { $line }, column { $column }: { $problem }
data_problems =
    { $count ->
        [one] 1 problem
       *[other] { $count } problems
    } in the year data
batch_file_problems =
    { $count ->
        [one] 1 problem
       *[other] { $count } problems
    } in the batch file
no_wards = must list at least one ward
ward_unnamed = must name the ward, e.g. "Phường An Mỹ"
no_unit_kind = does not start with the kind of unit: write it as "Phường An Mỹ" or "TT. Bình Minh", with one of { $kinds } (in any case)
placeholder_key = "{ $key }" stands for the unit's level words or name in a batch; give the figure another key
reserved_file_name = gives the file name "{ $slug }", which the batch uses itself
same_file_name = gives the same file name "{ $slug }" as { $other }
unknown_figure = no shared quantity has the key "{ $key }" (keys: { $keys })
not_shared = "{ $key }" is not a shared quantity, so the roll-up cannot add it up
key_used_twice = "{ $key }" is used twice; in a batch every figure's key must be unique
file_unreadable = cannot read { $file }: { $reason }
wards_failed = { $failed } of { $wards } wards have problems; fix them, or send allow_partial=true to leave them out
wards_left_out = { $failed } of { $wards } wards failed; their errors are listed above and in the manifest
stopped_at_ward = stopped at { $ward } (--strict)
rollup_failed = the roll-up report cannot be made
no_valid_ward = none of the { $wards } wards can be rendered, so neither can the roll-up; fix each ward's errors
too_many_wards = the batch has { $wards } wards, more than the { $limit } one batch may have; split it into several batches
wards_without_program = the wards' agreements need next year's program, which no ward has: give `next_program` in the batch's `shared` data or in each ward's `overrides`
offices_without_program = the offices' agreements need next year's program, which no office's saved data has: save it in each office's data ("Chương trình phối hợp năm sau") or give `next_program` in the batch file's `shared` data
directory_empty = holds no .json file: put one ward's year data in each
directory_problems =
    { $count ->
        [one] 1 problem
       *[other] { $count } problems
    } with the files
not_a_plain_file = is { $what }, not a plain file: put the ward's year data itself in the folder
ward_file_too_large = is larger than { $limit_mb } MB, far more than one ward's year data: check that it is the right file
not_a_workbook = cannot read the workbook: save it as an Excel workbook (.xlsx)
no_worksheet = the workbook has no worksheet
not_csv =
    cannot read the CSV{ $line ->
        [0] {""}
       *[other] {" "}(line { $line })
    }: save it as CSV UTF-8, comma- or semicolon-separated
sheet_problems =
    { $count ->
        [one] 1 problem
       *[other] { $count } problems
    } in the sheet
sheet_file_too_large = the sheet file is larger than { $limit_mb } MB, far more than a sheet of wards needs: save only the wards' sheet
workbook_too_large = the workbook unpacks to more than { $limit_mb } MB, far more than a sheet of wards needs: save only the wards' sheet, without pictures or other sheets
workbook_too_compressed = the workbook is packed { $ratio } times or more tighter than a spreadsheet program saves one: open it in Excel and save it again
sheet_too_large = has a value past the end of a sheet of wards, which may have at most { $rows } rows and the columns from A to { $last_column }: delete what lies beyond
not_a_header = expected a header, found { $found }
unknown_column = unknown column; the columns are { $columns } and the shared quantity keys: { $keys }
same_header = the same header as column { $column }
missing_column = has no "{ $header }" column (headers are case-sensitive)
sheet_empty = is empty: its first row must hold the column headers
sheet_without_wards = has no ward: add one row per ward below the headers
value_without_header = has a value but its column has no header
not_text = expected text, found { $found }
not_whole_number = expected a whole number of at least 0, found { $found }
not_a_date_cell = expected a date (a date cell, or text as YYYY-MM-DD), found { $found }
page_needs_png = page and dpi go with the png format
dpi_needs_png = dpi goes with the png format; an svg page has no resolution
pdf_options_need_pdf = PDF/A, PDF/UA and the choice of signature fields go with the pdf format
page_from_one = page counts from 1
dpi_out_of_range = dpi must be from { $min } to { $max }
no_page =
    page { $page } does not exist: the document has { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }
no_document_kind = no document kind "{ $kind }"; the kinds are: { $kinds }
unknown_parameter = unknown parameter `{ $name }`; the parameters are { $known }
parameter_twice = the parameter `{ $name }` is given twice
bad_parameter = the parameter `{ $name }` must be { $expected }, found "{ $found }"
fields_json_without_fields = --fields-json lists the fields --no-sign-fields leaves out
png_to_stdout_needs_page = a PNG or SVG page to standard output needs --page
other_sheet_format = { $file }: vanban reads sheets saved as .xlsx or .csv
sheet_needs_shared = { $file } is a sheet: --shared must name the batch file with the shared data
directory_needs_shared = { $file } is a directory of ward files: --shared must name the batch file with the shared data
shared_with_batch_file = --shared goes with a sheet (.xlsx or .csv) or a directory; { $file } is a batch file
cannot_write =
    cannot write { $file }: { $reason ->
        [not_found] its folder does not exist
       *[other] { $reason_words }
    }
not_a_pdf = not a PDF file vanban can read
pdf_too_large = the PDF is larger than { $limit_mb } MB, the most vanban reads
pdf_fields_too_deep = the PDF's form nests fields more than { $limit } levels deep, more than vanban follows
pdf_fields_too_many = the PDF's form has more than { $limit } fields and widgets, more than vanban reads
pdf_field_name_too_long = a field of the PDF's form has a name longer than { $limit } characters
pdf_field_loop = the PDF's form is damaged: a field is listed inside itself
cannot_serve = cannot serve on { $addr }
not_json = send the year data as application/json (the request said { $media })
batch_not_json = send the batch file as application/json (the request said { $media })
not_a_batch = send a batch file as application/json, or a sheet of wards (.xlsx or .csv) and the shared batch file as multipart/form-data parts `sheet` and `shared`
body_too_large = the request body is larger than the limit of { $limit } bytes
body_unreadable = cannot read the request body
body_timed_out = the request body did not arrive whole within { $seconds } s; send it at once, not a little at a time
content_encoding = the body is sent with Content-Encoding { $encoding }; send it uncompressed (identity)
uri_too_long = the request's address is longer than the limit of { $limit } bytes
headers_too_large = the request's headers are larger than { $bytes } bytes in all, or more than { $count } of them
malformed_request = the request cannot be read: check its address (a percent-encoded part must decode to UTF-8) and headers
form_unreadable = cannot read the form: send it as multipart/form-data with its boundary
form_part_twice = the form has two `{ $part }` parts
form_part_unexpected = unexpected form part `{ $part }`: send `sheet` (the .xlsx or .csv sheet of wards) and `shared` (the batch file with the shared data)
form_without_shared = the form has no `shared` part: the batch file with the shared data and roll-up
form_without_sheet = the form has no `sheet` part: the .xlsx or .csv sheet of wards
sheet_part_format = the `sheet` part must be an .xlsx workbook or a .csv file
no_route = no route { $path }; the API is under /v1 (see GET /v1/templates)
method_not_allowed = this route does not take that method: documents, batches and validation are POST, the rest GET
no_static_file = no file /static/{ $file }
no_database = this server keeps no data: it was started without --database
database_unavailable = cannot open the database { $location }
backup_needs_sqlite = vanban backup copies an SQLite database; back up PostgreSQL with pg_dump
not_logged_in = log in first (a session, or an Authorization: Bearer token)
wrong_login = wrong login or password
too_many_logins = too many wrong passwords for this login: try again in { $minutes } minutes
csrf_token_missing = this change needs the page's X-CSRF-Token header: reload the page and try again
not_an_office_code = "{ $found }" is not an office code: use 2 to 64 lowercase letters and digits, joined by -, _ or . (e.g. tam-ky)
office_exists = there is already an office { $code }
no_such_office = no office { $code } that you may read
not_a_login = "{ $found }" is not a login: use 2 to 64 lowercase letters and digits, joined by -, _ or . (e.g. nguyen.van.a)
login_exists = there is already a login { $login }
no_such_login = no login { $login }
user_disabled = { $login } is disabled: `vanban user enable { $login }` first
no_such_token = { $login } has no token labelled "{ $label }" (`vanban user tokens { $login }` lists them)
password_too_short = the password must have at least { $min } characters
passwords_differ = the two passwords differ
no_such_draft = no data saved for { $year }
no_such_revision = the data for { $year } has no revision { $revision }
revision_conflict =
    { $base ->
        [0] the data for { $year } was saved already: revision { $current }, by { $saved_by }; open it and make your changes there
       *[other] the data for { $year } was saved again since revision { $base }: revision { $current }, by { $saved_by }; open it and make your changes there
    }
changed_since = changed by revision { $revision }
draft_year_mismatch = the data is for { $found }, not { $year }
read_only_office = you may read the data of { $code }, not change it
number_taken = number { $number } of { $series } is already given to { $earlier }, dated { $dated }, issued by { $issued_by }; the next free number is { $next }
no_subordinate_drafts = no office under yours has data saved for { $year }
no_such_document = the register has no document { $id }
no_such_version = { $symbol } has no version { $version }
not_the_issued_document = this file is not { $symbol } as issued with signatures added: it must keep every byte of version { $version }; sign the file downloaded from the register, with signing software that adds each signature after the document
signed_from_older_version = this copy of { $symbol } was signed on version { $based_on }, but version { $latest } was added since; sign version { $latest } and upload it
no_new_signature =
    { $signed ->
        [0] this copy of { $symbol } has no signature
       *[other] this copy of { $symbol } adds no signature to the { $signed } it had
    }
busy = the server is busy rendering other documents; try again shortly
timed_out = the document took longer than { $seconds } s to render
template = template error: { $detail }
typesetting = typesetting failed: { $detail }
internal = internal error
within =
    { $part ->
        [shared_file] the shared batch file
        [rollup] the roll-up report
       *[sheet] the sheet
    }: { $problem }

## The parts of messages: what a value must be or is, where, and why.

place_paragraph = a paragraph
place_one_line_field = a one-line field
place_table_cell = a table cell
expected_whole_number = a whole number
expected_number = a number
expected_text = text
expected_list = a list
expected_object = an object
expected_true_or_false = true or false
expected_null = null
found_null = null
found_number = the number { $value }
found_fraction = the fraction { $value }
found_text = the text { $value }
found_list = a list
found_object = an object
cell_empty = an empty cell
cell_text = "{ $value }"
cell_date = the date { $value }
cell_date_time = the date and time { $value }
cell_duration = a duration
cell_error = the error { $value }
io_not_found = there is no such file
io_permission_denied = permission denied
io_disk_full = the disk is full
io_read_only = the disk is read-only
io_folder = it is a folder
io_other = an input/output error
special_link = a link (shortcut)
special_folder = a folder
special_pipe = a pipe
special_device = a device
special_socket = a socket
measure_money = money (đồng)
measure_count = a count of "{ $unit }"
measure_percent = a percentage
measure_ratio = a ratio of "{ $unit }"
json_misplaced = { $character } does not fit here
json_ends_early = the text ends before the JSON does (a closing `]`, `{"}"}` or `"` is missing)
no_content_type = no Content-Type
none = none
or = or

## Where a problem is.

location_cell = row { $row }, column { $column }
location_cell_headed = row { $row }, column { $column } ({ $header })
location_row = row { $row }
location_sheet = the sheet

## What to do next.

hint_schema = `vanban schema` prints every field with its type
hint_json_in_utf8 = the input must be a JSON document in UTF-8
hint_sheet_command = vanban batch WARDS.xlsx --shared BATCH.json -o OUT.zip
hint_allow_partial = --allow-partial exits with 0 when some wards fail
