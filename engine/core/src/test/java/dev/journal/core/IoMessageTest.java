package dev.journal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoMessageTest {

    @TempDir
    Path dir;

    @Test
    void theJdksFileExceptionsBecomeTheFileAndAReasonInWords() {
        assertEquals("target/site/index.html: permission denied",
                IoMessage.of(new AccessDeniedException("target/site/index.html")));
        assertEquals("a.md: no such file or folder", IoMessage.of(new NoSuchFileException("a.md")));
        assertEquals("out/x: not a folder", IoMessage.of(new NotDirectoryException("out/x")));
        assertEquals("out: the folder is not empty", IoMessage.of(new DirectoryNotEmptyException("out")));
        assertEquals("a (to b): it already exists", IoMessage.of(new FileAlreadyExistsException("a", "b", null)));
    }

    @Test
    void theOperatingSystemsReasonsBecomeTheJournalsWords() {
        assertEquals("out/index.html: the disk is full",
                IoMessage.of(new FileSystemException("out/index.html", null, "No space left on device")));
        assertEquals("out/css/site.css: a part of the path is a file, not a folder",
                IoMessage.of(new FileSystemException("out/css/site.css", null, "Not a directory")));
        assertEquals("out: the file system is read-only",
                IoMessage.of(new FileSystemException("out", null, "Read-only file system")));
        assertEquals("out: permission denied", IoMessage.of(new FileSystemException("out", null, "Operation not permitted")));
        assertEquals("out: something odd happened",
                IoMessage.of(new FileSystemException("out", null, "Something odd happened.")), "unknown: as it is");
        assertEquals("the disk is full", IoMessage.of(new IOException("No space left on device")), "no file named");
        assertEquals("/x/feed.xml: permission denied",
                IoMessage.of(new FileNotFoundException("/x/feed.xml (Permission denied)")), "java.io's form");
    }

    @Test
    void noClassNameEvenWithoutAMessage() {
        assertEquals("reading or writing a file failed", IoMessage.of(new IOException()));
        assertEquals("out: it cannot be read or written", IoMessage.of(new FileSystemException("out")));
        assertEquals("out/index.html: permission denied",
                IoMessage.of(new IOException(new AccessDeniedException("out/index.html"))), "a carrier unwrapped");
    }

    @Test
    void aFileInTheWayOfAFolderIsSaidSo() throws IOException {
        Path file = Files.writeString(dir.resolve("site"), "a file");
        FileAlreadyExistsException e = org.junit.jupiter.api.Assertions.assertThrows(FileAlreadyExistsException.class,
                () -> Files.createDirectories(file));
        assertEquals("site: a file is in the way, where a folder is needed", IoMessage.of(e, dir));
        FileSystemException below = org.junit.jupiter.api.Assertions.assertThrows(FileSystemException.class,
                () -> Files.createDirectories(file.resolve("out")));
        assertEquals("site/out: a part of the path is a file, not a folder", IoMessage.of(below, dir));
        assertEquals(file + ": a file is in the way, where a folder is needed", IoMessage.of(e));
        Files.delete(file);
        Files.createDirectory(file);
        assertEquals("site: it already exists", IoMessage.of(new FileAlreadyExistsException(file.toString()), dir));
    }

    @Test
    void filesInsideTheBaseAreNamedFromIt() {
        Path out = dir.resolve("target/site/index.html");
        assertEquals("target/site/index.html: permission denied",
                IoMessage.of(new AccessDeniedException(out.toString()), dir));
        assertEquals("/elsewhere/x: permission denied", IoMessage.of(new AccessDeniedException("/elsewhere/x"), dir));
    }
}
