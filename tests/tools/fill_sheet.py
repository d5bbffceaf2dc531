"""Fills the ward rows of a workbook made by `vanban sheet template`, as a clerk would in Excel.

Usage: fill_sheet.py TEMPLATE.xlsx FILLED.xlsx VALUES.json

VALUES.json maps a column header (row 1: `signer_name`, a figure key…) to the value every ward
row gets. Rows from 3 on whose first cell (the ward's name) is filled are completed; rows 1 and
2 (the headers and their Vietnamese labels) are left as they are. Prints the number of rows
filled.
"""

import json
import sys

import openpyxl

template, filled, values_file = sys.argv[1:4]
with open(values_file, encoding="utf-8") as f:
    values = json.load(f)
workbook = openpyxl.load_workbook(template)
sheet = workbook.worksheets[0]
columns = {cell.value: cell.column for cell in sheet[1] if cell.value}
rows = 0
for row in range(3, sheet.max_row + 1):
    if not sheet.cell(row=row, column=1).value:
        continue
    for header, value in values.items():
        sheet.cell(row=row, column=columns[header], value=value)
    rows += 1
workbook.save(filled)
print(rows)
