package fr.essor.service.privacy;

/**
 * Where a person's export goes, entry by entry, while the service reads it: the web layer writes
 * each entry into the ZIP it streams, so that no more than one document is in memory at a time.
 */
public interface ExportSink {

    /** One file of the export, by its path inside the archive. */
    void entry(String path, byte[] content);
}
