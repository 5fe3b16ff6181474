import ArgumentParser
import ScenarioModel
import StreamingIO

#if canImport(Glibc)
import Glibc
#endif

/// Turns library errors into the CLI contract: one `edgesim: error: ...` line
/// on standard error and exit status 1, never a stack trace.
enum CommandFailure {
    /// Runs `body`; data and I/O errors become exit status 1 with a message.
    static func reporting<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            StandardError.diagnostic("edgesim: error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Prints `message` as an error and exits with status 1.
    static func fail(_ message: String) -> ExitCode {
        StandardError.diagnostic("edgesim: error: \(message)")
        return ExitCode(1)
    }
}

/// Writes whole lines to standard error (unbuffered, so they interleave
/// correctly with standard output).
enum StandardError {
    static func write(_ line: String) {
        writeLine(line, to: 2)
    }

    /// Writes an error, warning or issue as exactly one line of bounded
    /// length: messages quote input text, which may hold newlines, terminal
    /// escapes or megabytes (`MessageText.singleLine`).
    static func diagnostic(_ line: String) {
        writeLine(MessageText.singleLine(line), to: 2)
    }
}

extension StandardError {
    /// Writes text without a newline (progress bars).
    static func writeRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    /// True when standard error is a terminal.
    static var isTerminal: Bool { isatty(2) == 1 }
}

/// Writes whole lines to standard output.
enum StandardOutput {
    static func write(_ line: String) {
        writeLine(line, to: 1)
    }
}

private func writeLine(_ line: String, to descriptor: Int32) {
    var text = line + "\n"
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { break }
            offset += written
        }
    }
}
