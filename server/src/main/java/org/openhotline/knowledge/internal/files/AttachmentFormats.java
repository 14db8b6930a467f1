package org.openhotline.knowledge.internal.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openhotline.shared.DomainException;
import org.springframework.http.HttpStatus;

/**
 * The files a knowledge article may carry: documents, sheets, slides, text, pictures, sound and zip archives. A file
 * is accepted when its name ends in one of these extensions <em>and</em> its first bytes are what that format starts
 * with, so a script renamed to {@code .pdf} or a page renamed to {@code .txt} stays out. The content type stored is the
 * one of the extension, never what the browser claimed.
 */
final class AttachmentFormats {

    record Format(String contentType, Predicate<byte[]> sniff) {}

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private static final Predicate<byte[]> OFFICE_OPEN_XML = b -> startsWith(b, 0, ZIP);

    private static final Map<String, Format> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", new Format("application/pdf", b -> startsWith(b, 0, PDF))),
            Map.entry("doc", new Format("application/msword", b -> startsWith(b, 0, OLE2))),
            Map.entry("xls", new Format("application/vnd.ms-excel", b -> startsWith(b, 0, OLE2))),
            Map.entry("ppt", new Format("application/vnd.ms-powerpoint", b -> startsWith(b, 0, OLE2))),
            Map.entry("docx", new Format("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    OFFICE_OPEN_XML)),
            Map.entry("xlsx", new Format("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    OFFICE_OPEN_XML)),
            Map.entry("pptx", new Format("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    OFFICE_OPEN_XML)),
            Map.entry("zip", new Format("application/zip", b -> startsWith(b, 0, ZIP))),
            Map.entry("txt", new Format("text/plain; charset=UTF-8", AttachmentFormats::plainText)),
            Map.entry("jpg", new Format("image/jpeg", b -> startsWith(b, 0, JPEG))),
            Map.entry("jpeg", new Format("image/jpeg", b -> startsWith(b, 0, JPEG))),
            Map.entry("png", new Format("image/png", b -> startsWith(b, 0, PNG))),
            Map.entry("gif", new Format("image/gif", b -> startsWith(b, 0, ascii("GIF87a"))
                    || startsWith(b, 0, ascii("GIF89a")))),
            Map.entry("mp3", new Format("audio/mpeg", b -> startsWith(b, 0, ascii("ID3"))
                    || b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)),
            Map.entry("wav", new Format("audio/wav", b -> startsWith(b, 0, ascii("RIFF"))
                    && startsWith(b, 8, ascii("WAVE")))));

    static final String ALLOWED = "pdf、doc、docx、xls、xlsx、ppt、pptx、txt、jpg、jpeg、png、gif、mp3、wav、zip";

    private AttachmentFormats() {}

    /** The format of a file named {@code fileName} holding {@code data}, or a 415 answer saying what is accepted. */
    static Format check(String fileName, byte[] data) {
        String extension = extension(fileName).orElseThrow(() -> refused("附件没有扩展名"));
        Format format = BY_EXTENSION.get(extension);
        if (format == null) {
            throw refused("不支持 ." + extension + " 格式的附件");
        }
        if (!format.sniff().test(data)) {
            throw refused("附件内容与扩展名 ." + extension + " 不符（文件可能已损坏或被改了扩展名）");
        }
        return format;
    }

    static Optional<String> extension(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? Optional.empty()
                : Optional.of(fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT));
    }

    private static DomainException refused(String why) {
        return new DomainException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment-type", why + "。可上传的格式：" + ALLOWED);
    }

    /** Text is UTF-8 or GB 18030 without NUL bytes; that is what a text file from a Chinese office PC is. */
    private static boolean plainText(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        return decodes(b, StandardCharsets.UTF_8) || decodes(b, java.nio.charset.Charset.forName("GB18030"));
    }

    private static boolean decodes(byte[] b, java.nio.charset.Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] data, int offset, byte[] prefix) {
        return data.length >= offset + prefix.length
                && Arrays.equals(data, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
