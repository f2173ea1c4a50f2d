package fr.essor.model.document;

/** The kinds of document an applicant may upload, each recognised from its content by {@link FileTypeSniffer}. */
public enum DocumentFormat {

    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    ODT("application/vnd.oasis.opendocument.text", "odt"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The IANA media type, for the {@code Content-Type} of a download. */
    public String mediaType() {
        return mediaType;
    }

    /** The file-name extension, lower case and without the dot: "pdf", "jpg". */
    public String extension() {
        return extension;
    }
}
