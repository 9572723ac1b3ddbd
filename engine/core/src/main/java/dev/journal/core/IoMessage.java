package dev.journal.core;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words why reading or writing a file failed, for the command line and the Maven
 * goals: {@code target/site/index.html: permission denied} rather than
 * {@code java.nio.file.AccessDeniedException: target/site/index.html}. The JDK's file exceptions
 * carry the file in their message and the reason in their type (or in the operating system's words,
 * {@code No space left on device}); this puts the two together.
 */
public final class IoMessage {

    /** The operating system's words (strerror, as the JDK passes them on) in the journal's. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("permission denied", "permission denied"),
            Map.entry("operation not permitted", "permission denied"),
            Map.entry("access is denied", "permission denied"),
            Map.entry("no space left on device", "the disk is full"),
            Map.entry("there is not enough space on the disk", "the disk is full"),
            Map.entry("disk quota exceeded", "the disk quota is used up"),
            Map.entry("read-only file system", "the file system is read-only"),
            Map.entry("no such file or directory", "no such file or folder"),
            Map.entry("not a directory", "a part of the path is a file, not a folder"),
            Map.entry("is a directory", "it is a folder, not a file"),
            Map.entry("directory not empty", "the folder is not empty"),
            Map.entry("file exists", "it already exists"),
            Map.entry("file name too long", "the name is too long"),
            Map.entry("too many open files", "too many files are open at once"),
            Map.entry("too many levels of symbolic links", "a loop of symbolic links"),
            Map.entry("input/output error", "the device failed (input/output error)"),
            Map.entry("device or resource busy", "it is in use"),
            Map.entry("text file busy", "it is in use"),
            Map.entry("stale file handle", "the network drive lost the file (stale file handle)"));

    /** java.io's form: {@code /path/file (Permission denied)}. */
    private static final Pattern JAVA_IO = Pattern.compile("(.+) \\(([^()]+)\\)");

    private IoMessage() {
    }

    /** {@code file: reason}, with the file as the exception names it; the message alone when it names none. */
    public static String of(IOException e) {
        return of(e, null);
    }

    /**
     * {@code file: reason}, with a file inside {@code base} named from there ({@code target/site/index.html});
     * the message alone when the exception names no file.
     *
     * @param base the folder names are given from (the working folder, the project's); null for names as they are
     */
    public static String of(IOException e, Path base) {
        IOException cause = unwrap(e);
        if (cause instanceof FileSystemException fs && fs.getFile() != null) {
            String where = shown(fs.getFile(), base);
            if (fs.getOtherFile() != null) {
                where += " (to " + shown(fs.getOtherFile(), base) + ")";
            }
            return where + ": " + reason(cause);
        }
        String message = cause.getMessage();
        if (cause instanceof FileNotFoundException && message != null) {
            Matcher m = JAVA_IO.matcher(message.strip());
            if (m.matches()) {
                return shown(m.group(1), base) + ": " + words(m.group(2));
            }
            return shown(message.strip(), base) + ": no such file or folder";
        }
        return reason(cause);
    }

    /** Why, without the file: {@code permission denied}, {@code the disk is full}. */
    public static String reason(IOException e) {
        IOException cause = unwrap(e);
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        } else if (cause instanceof NoSuchFileException) {
            return "no such file or folder";
        } else if (cause instanceof NotDirectoryException) {
            return "not a folder";
        } else if (cause instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        } else if (cause instanceof NotLinkException) {
            return "not a symbolic link";
        } else if (cause instanceof FileSystemLoopException) {
            return "a loop of symbolic links";
        } else if (cause instanceof FileAlreadyExistsException fs) {
            return inTheWay(fs.getFile()) ? "a file is in the way, where a folder is needed" : "it already exists";
        } else if (cause instanceof FileSystemException fs) {
            return fs.getReason() != null ? words(fs.getReason()) : "it cannot be read or written";
        } else if (cause instanceof FileNotFoundException && cause.getMessage() != null) {
            Matcher m = JAVA_IO.matcher(cause.getMessage().strip());
            return m.matches() ? words(m.group(2)) : "no such file or folder";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "reading or writing a file failed" : words(message);
    }

    /** The operating system's reason in plain words; another message as it is, without a final full stop. */
    private static String words(String reason) {
        String r = reason.strip();
        if (r.endsWith(".")) {
            r = r.substring(0, r.length() - 1);
        }
        String known = REASONS.get(r.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        return r.length() > 1 && Character.isUpperCase(r.charAt(0)) && Character.isLowerCase(r.charAt(1))
                ? Character.toLowerCase(r.charAt(0)) + r.substring(1) : r;
    }

    /**
     * Whether the file a folder was to be made at exists and is no folder: {@code Files.createDirectories}
     * says so with a {@link FileAlreadyExistsException}, which otherwise means a name already taken.
     */
    private static boolean inTheWay(String file) {
        try {
            Path p = Path.of(file);
            return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p);
        } catch (InvalidPathException | SecurityException e) {
            return false;
        }
    }

    private static IOException unwrap(IOException e) {
        IOException at = e;
        // an exception that only carries another on (a background task's), rather than saying more
        while (at.getCause() instanceof IOException inner && at.getMessage() != null
                && at.getMessage().equals(inner.toString())) {
            at = inner;
        }
        return at;
    }

    private static String shown(String file, Path base) {
        if (base == null) {
            return file;
        }
        try {
            Path p = Path.of(file).toAbsolutePath().normalize();
            Path b = base.toAbsolutePath().normalize();
            return p.startsWith(b) && !p.equals(b) ? b.relativize(p).toString() : file;
        } catch (InvalidPathException e) {
            return file;
        }
    }
}
