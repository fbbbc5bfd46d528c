"""The authoring format: case files in YAML that compile to RDF (see ``docs/authoring.md``)."""

from kg.authoring.compiler import (
    FORMAT_VERSION,
    CaseCompileError,
    CompiledCase,
    compile_case_bytes,
    compile_case_file,
    compile_case_text,
)

__all__ = [
    "FORMAT_VERSION",
    "CaseCompileError",
    "CompiledCase",
    "compile_case_bytes",
    "compile_case_file",
    "compile_case_text",
]
