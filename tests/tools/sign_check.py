"""Signs empty signature fields of a PDF with pyHanko, one after another, then checks them.

Usage: sign_check.py [--no-stamp] INPUT.pdf OUTPUT.pdf FIELD [FIELD...]

Makes a throwaway self-signed certificate and key, signs each FIELD (which must already
exist) in its own incremental update, as parties signing in turn would, writes the result to
OUTPUT.pdf, validates every signature with the certificate as the only trust root, and lists
the signature fields as pyHanko and pypdf see them. Prints one JSON object on standard
output; the Rust test asserts on it. With --no-stamp a signature's appearance is left empty, as
a PDF/A-aware signer's would be without a font to embed (pyHanko's default stamp prints its text
in a font it does not embed, which PDF/A forbids).
"""

import datetime
import json
import os
import sys

from asn1crypto import keys, x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import NoOpStampStyle
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pypdf import PdfReader


def self_signed():
    """A P-256 key and a self-signed certificate for it, valid for one day."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = cx509.Name([cx509.NameAttribute(NameOID.COMMON_NAME, "vanban test signer")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        cx509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(cx509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(cx509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            cx509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    certificate = x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    key = keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return certificate, key


def sign(source, target, field, certificate, key, stamp_style):
    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=key,
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )
    with open(source, "rb") as infile:
        writer = IncrementalPdfFileWriter(infile)
        with open(target, "wb") as outfile:
            signers.PdfSigner(
                signers.PdfSignatureMetadata(field_name=field),
                signer=signer,
                stamp_style=stamp_style,
            ).sign_pdf(writer, existing_fields_only=True, output=outfile)


def validate(path, certificate):
    with open(path, "rb") as infile:
        reader = PdfFileReader(infile)
        signatures = []
        for signature in reader.embedded_signatures:
            status = validate_pdf_signature(
                signature, ValidationContext(trust_roots=[certificate])
            )
            signatures.append(
                {
                    "field": signature.field_name,
                    "intact": status.intact,
                    "valid": status.valid,
                    "trusted": status.trusted,
                    "coverage": status.coverage.name,
                    "modification_level": getattr(status.modification_level, "name", None),
                    "bottom_line": status.bottom_line,
                }
            )
        sig_fields = {
            name: value is not None for name, value, _ in fields.enumerate_sig_fields(reader)
        }
        return {"signatures": signatures, "pyhanko_fields": sig_fields}


def pypdf_fields(path):
    found = PdfReader(path).get_fields() or {}
    return {
        name: {"type": field.get("/FT"), "signed": field.get("/V") is not None}
        for name, field in found.items()
    }


def main():
    arguments = sys.argv[1:]
    stamp_style = None
    if arguments[0] == "--no-stamp":
        stamp_style = NoOpStampStyle()
        arguments = arguments[1:]
    source, target, *names = arguments
    certificate, key = self_signed()
    for index, field in enumerate(names):
        previous = source if index == 0 else target + ".prev"
        sign(previous, target, field, certificate, key, stamp_style)
        if index + 1 < len(names):
            os.replace(target, target + ".prev")
    if len(names) > 1:
        os.remove(target + ".prev")
    summary = validate(target, certificate)
    summary["pypdf_fields"] = pypdf_fields(target)
    json.dump(summary, sys.stdout, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
