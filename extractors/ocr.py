"""stub"""
INSTALL_HINT = "install the OCR extra to read it: pip install 'jdx[ocr]'"
def available() -> bool:
    return False
