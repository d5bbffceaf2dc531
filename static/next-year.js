// Next year's year data from this year's: what stays from one year to the next (the issuing
// body, the partners, the signer, the recipients, the organizations, next year's program and
// its parties) is carried over; what each year writes anew (numbers, dates, the year's
// results) starts blank; and the program signed this year becomes the program the report
// answers to (`program`, whose targets it measures) and cites (`program_reference`).
import { blank } from "./form.js";

/** A deep copy of a JSON value (`undefined` stays `undefined`). */
const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** "01/CTr-BCHQS-CTXH": the program's number and symbol as the agreement prints them. */
function programSymbol(document) {
  const number = String(document.number).padStart(2, "0");
  return `${number}/CTr-${document.code}`;
}

/** Who issued this year's program, as next year's report names it after "của". */
function programIssuers(data) {
  const body = data.issuer?.short_name || data.issuer?.name || "";
  const partners = data.next_program?.partners || data.partners || "các tổ chức chính trị - xã hội";
  return `${body} và ${partners}`;
}

/**
 * Next year's data from `data`: the blank form of `schema` with the carried-over parts.
 * `data.next_program`, when it has its number and date, becomes the program reported on.
 */
export function nextYear(schema, data) {
  const next = blank(schema, schema);
  for (const key of ["issuer", "partners", "signer", "recipients", "archive"]) {
    if (data[key] !== undefined) next[key] = copy(data[key]);
  }
  if (Number.isInteger(data.year)) next.year = data.year + 1;
  next.document = { ...next.document, code: data.document?.code ?? next.document?.code };
  if (data.document?.review) next.document.review = data.document.review;
  next.organizations = (data.organizations || []).map(({ activities, ...organization }) => ({
    ...copy(organization),
    activities: [],
  }));
  const program = data.next_program;
  if (program?.document?.number && program.document.code && program.document.date) {
    next.program_reference = {
      symbol: programSymbol(program.document),
      date: program.document.date,
      issued_by: programIssuers(data),
    };
  }
  if (program) {
    // The program signed this year is next year's program, which the report measures.
    next.program = copy(program);
    // The program goes on: its parties sign again, its items are next year's to update.
    next.next_program = copy(program);
    next.next_program.document = { code: program.document?.code ?? "" };
  }
  return next;
}
