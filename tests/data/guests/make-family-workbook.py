#!/usr/bin/env python3
"""Writes family-workbook.xlsx as Excel writes a workbook (SpreadsheetML in a zip), with no library.

Three tabs as families send them: "Sharma side" (a merged title row above the header, a blank row, a formula),
"Mehta side" (Hindi header row, Devanagari names) and "Friends" (English aliases, numbers from abroad, an unknown
column), and the hidden "Lists" tab a template keeps its drop-down values on. Text goes to the shared strings
table; numbers are stored as numbers, so a phone typed into a cell formatted as General is a <v>9876543210</v>, and
one pasted from another program can be 9.87654321E+09 or 9829033333.0. A formula keeps its cached value in <v>, which is all an importer may read.

Run from anywhere: python3 tests/data/guests/make-family-workbook.py
"""

import pathlib
import zipfile
from xml.sax.saxutils import escape

HERE = pathlib.Path(__file__).resolve().parent


class Number(str):
    """A cell stored as a number (<v> written as is)."""


class Formula:
    def __init__(self, formula, cached):
        self.formula = formula
        self.cached = cached


SHEETS = [
    ("Sharma side", {"merge": "A1:H1"}, [
        ["Sharma family guest list for Priya's wedding (from Sharma uncle)"],
        [],
        ["Name", "Phone", "City", "Side", "Family", "Diet", "Pax", "Notes"],
        ["Rahul Sharma", Number("9876543210"), "Jaipur", "Bride", "Sharma family", "Veg", "", ""],
        ["Priya Sharma", "98765 43210", "Jaipur", "Bride", "Sharma family", "Jain", "", ""],
        ["राहुल वर्मा", "+91-98111-22233", "Delhi", "Bride", "", "Veg", "", "Priya's college friend's father"],
        ["Smt. Kamla Devi", "098765-43211", "Jaipur", "Bride", "", "Non-veg", "", ""],
        [],
        ["Mausi ji", Number("919812345678"), "Ajmer", "Bride", "", "Veg", Formula("1+2", "3"), "Comes with her two sons"],
        ["Sunil Kumar", "98765", "Kota", "Bride", "", "Veg", "", ""],
        ["", "98290 55555", "Jaipur", "Bride", "", "", "", "Name to be confirmed"],
    ]),
    ("Mehta side", {}, [
        ["नाम", "फ़ोन", "शहर", "पक्ष", "परिवार", "भोजन"],
        ["अमित मेहता", "0091 98290 11111", "मुंबई", "वर", "मेहता परिवार", "शाकाहारी"],
        ["सुनीता मेहता", "(+91) 98290.11111", "मुंबई", "वर", "मेहता परिवार", "जैन"],
        ["प्रिया मेहता", Number("9.829022222E+09"), "पुणे", "वर", "", "शाकाहारी"],
        ["Dr. Rakesh Mehta", "9829033333.0", "Pune", "Groom", "", "Non-veg"],
    ]),
    ("Friends", {}, [
        ["Guest Name", "Mobile", "Email", "City", "Country", "Tags", "Age group", "No. of guests", "T-shirt size"],
        ["Chris Evans", "+1 (415) 555-2671", "chris.evans@example.com", "San Francisco", "USA", "college, NRI", "Adult", Number("1"), "L"],
        ["Ayesha Khan", "+971 50 123 4567", "ayesha@example.com", "Dubai", "UAE", "NRI", "Adult", "", "M"],
        ["Oliver Smith", "+44 7911 123456", "", "London", "UK", "college", "Adult", "", ""],
        ["Neha Gupta", "98765 00001", "neha.gupta@example", "Pune", "India", "college; outstation", "Adult", Number("2"), "S"],
        ["Kabir Gupta", "+91 98765 00001", "", "Pune", "India", "", "Child", "", ""],
    ]),
    # The hidden sheet a template keeps its drop-down lists on: not guests.
    ("Lists", {"hidden": True}, [
        ["Side", "Diet"],
        ["Bride", "Veg"],
        ["Groom", "Jain"],
        ["Both", "Non-veg"],
    ]),
]


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def build():
    shared = []
    shared_index = {}

    def string_index(text):
        if text not in shared_index:
            shared_index[text] = len(shared)
            shared.append(text)
        return shared_index[text]

    sheet_xml = []
    for _, options, rows in SHEETS:
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
               'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>']
        for row_number, row in enumerate(rows, start=1):
            cells = []
            for column, value in enumerate(row):
                ref = f"{column_letter(column)}{row_number}"
                if isinstance(value, Formula):
                    cells.append(f'<c r="{ref}"><f>{escape(value.formula)}</f><v>{value.cached}</v></c>')
                elif isinstance(value, Number):
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>')
                elif value != "":
                    cells.append(f'<c r="{ref}" t="s"><v>{string_index(value)}</v></c>')
            if cells:  # Excel writes no element for an empty row
                out.append(f'<row r="{row_number}">{"".join(cells)}</row>')
        out.append("</sheetData>")
        if "merge" in options:
            out.append(f'<mergeCells count="1"><mergeCell ref="{options["merge"]}"/></mergeCells>')
        out.append("</worksheet>")
        sheet_xml.append("".join(out))

    hidden = ' state="hidden"'
    sheets = "".join(f'<sheet name="{escape(name)}" sheetId="{i}"{hidden if options.get("hidden") else ""} r:id="rId{i}"/>'
                     for i, (name, options, _) in enumerate(SHEETS, start=1))
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f"<sheets>{sheets}</sheets></workbook>")
    sheet_rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(SHEETS) + 1))
    n = len(SHEETS)
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     f"{sheet_rels}"
                     f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                     f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                     "</Relationships>")
    strings = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in shared)
    shared_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'
                  f"{strings}</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
              "</styleSheet>")
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1))
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     f"{overrides}"
                     '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                     '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                     "</Types>")
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 "</Relationships>")

    target = HERE / "family-workbook.xlsx"
    # A fixed time stamp keeps the file byte-identical from run to run.
    def add(archive, name, text):
        info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, text.encode("utf-8"))

    with zipfile.ZipFile(target, "w") as archive:
        add(archive, "[Content_Types].xml", content_types)
        add(archive, "_rels/.rels", root_rels)
        add(archive, "xl/workbook.xml", workbook)
        add(archive, "xl/_rels/workbook.xml.rels", workbook_rels)
        add(archive, "xl/styles.xml", styles)
        add(archive, "xl/sharedStrings.xml", shared_xml)
        for i, xml in enumerate(sheet_xml, start=1):
            add(archive, f"xl/worksheets/sheet{i}.xml", xml)
    print(f"wrote {target}")


if __name__ == "__main__":
    build()
