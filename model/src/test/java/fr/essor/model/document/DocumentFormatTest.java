package fr.essor.model.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentFormatTest {

    @ParameterizedTest
    @CsvSource({
        "PDF,  application/pdf,                                                           pdf",
        "PNG,  image/png,                                                                 png",
        "JPEG, image/jpeg,                                                                jpg",
        "ODT,  application/vnd.oasis.opendocument.text,                                   odt",
        "DOCX, application/vnd.openxmlformats-officedocument.wordprocessingml.document,   docx",
        "XLSX, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,         xlsx"})
    void eachFormatHasItsMediaTypeAndExtension(DocumentFormat format, String mediaType, String extension) {
        assertEquals(mediaType, format.mediaType());
        assertEquals(extension, format.extension());
    }
}
