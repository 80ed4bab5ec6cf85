/*
 * Copyright 2026 The Flink Stream ML Authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except
 * in compliance with the License. You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software distributed under the License
 * is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express
 * or implied. See the License for the specific language governing permissions and limitations under
 * the License.
 */
package io.streamml.common.model;

import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A saved stage's directory on any file system Flink supports ({@code file://}, {@code hdfs://},
 * {@code s3://} …), through {@link FileSystem} rather than {@code java.io.File}, so models live
 * where the user's checkpoints do. Paths are joined as Flink paths, which keep the scheme and
 * authority ({@code java.nio.file.Paths} would turn {@code hdfs://nn:8020/m} into {@code
 * hdfs:/nn:8020/m}).
 */
@Internal
public final class StageDirectory {
    /** A metadata file larger than this is not one Flink ML or this library wrote. */
    static final long MAX_METADATA_BYTES = 16L << 20;

    private StageDirectory() {}

    /** {@code parent}/{@code child}, keeping {@code parent}'s scheme and authority. */
    public static String child(String parent, String child) {
        return new Path(new Path(parent), child).toString();
    }

    /**
     * Writes {@code content} to {@code file}, which must not exist yet: first to a hidden file in
     * the same directory, then renamed. A reader sees the whole file or none of it where the file
     * system renames atomically (local, HDFS); on object stores (S3), where a rename is a copy, the
     * target only appears once the copy completes.
     */
    static void writeNew(String file, byte[] content) throws IOException {
        Path target = new Path(file);
        FileSystem fs = target.getFileSystem();
        Path dir = target.getParent();
        fs.mkdirs(dir);
        if (fs.exists(target)) {
            throw new IOException("File " + target + " already exists.");
        }
        Path hidden = new Path(dir, "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try (FSDataOutputStream out = fs.create(hidden, FileSystem.WriteMode.NO_OVERWRITE)) {
            out.write(content);
        }
        if (!fs.rename(hidden, target)) {
            fs.delete(hidden, false);
            throw new IOException("Cannot commit " + target + " (renaming " + hidden + " failed).");
        }
    }

    /** The content of {@code file}, refused when larger than {@code maxBytes}. */
    static byte[] readBounded(String file, long maxBytes) throws IOException {
        Path path = new Path(file);
        FileSystem fs = path.getFileSystem();
        FileStatus status = fs.getFileStatus(path);
        if (status.isDir() || status.getLen() > maxBytes) {
            throw new InvalidModelFileException(
                    file
                            + (status.isDir()
                                    ? ": is a directory"
                                    : ": is " + status.getLen() + " bytes, more than " + maxBytes));
        }
        byte[] content = new byte[(int) status.getLen()];
        try (FSDataInputStream in = fs.open(path)) {
            int read = 0;
            while (read < content.length) {
                int n = in.read(content, read, content.length - read);
                if (n < 0) {
                    throw new InvalidModelFileException(file + ": ended before its stated length");
                }
                read += n;
            }
        }
        return content;
    }

    /**
     * The committed files in {@code dir}, by name: files whose names start with "." or "_" are left
     * out (Flink's in-progress part files and our uncommitted writes are hidden that way).
     */
    static List<FileStatus> committedFiles(String dir) throws IOException {
        Path path = new Path(dir);
        FileSystem fs = path.getFileSystem();
        if (!fs.exists(path)) {
            return new ArrayList<>();
        }
        FileStatus[] statuses = fs.listStatus(path);
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus status : statuses == null ? new FileStatus[0] : statuses) {
            String name = status.getPath().getName();
            if (!status.isDir() && !name.startsWith(".") && !name.startsWith("_")) {
                files.add(status);
            }
        }
        files.sort(Comparator.comparing(status -> status.getPath().getName()));
        return files;
    }
}
