import ArgumentParser
import Foundation
import OrgAnalysis
import OrgImport

/// The `orgscope` command: imports XML org charts, runs the rule catalogue, writes reports.
struct Orgscope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgscope",
        abstract: "Finds overlapping and omitted duties, staffing and leadership breaches in Vietnamese org charts.",
        discussion: """
            Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for bad usage or input \
            that could not be imported.
            """,
        version: "0.1.0",
        subcommands: [ValidateCommand.self, AnalyzeCommand.self, ProposeCommand.self, CompareCommand.self, ConvertCommand.self,
                      ExtractCommand.self, TrackCommand.self,
                      RulesCommand.self, ExplainCommand.self, ExplainMatchCommand.self]
    )
}

/// Exit statuses of the CLI contract (cli-and-findings-v1): nothing else is ever returned.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let badInput: Int32 = 2
}

@main
enum Main {
    static func main() {
        MemoryPolicy.mapLargeBlocks()
        TruncatedFileNotice.current = TruncatedFileNotice(exitStatus: ExitStatus.badInput) { path in
            "\(path): error: the file was truncated by another program while orgscope was reading it; run again once "
                + "it is complete\norgscope: 1 error; nothing was analysed and no report was written\n"
        }
        do {
            var command = try Orgscope.parseAsRoot()
            try command.run()
        } catch {
            let code = Orgscope.exitCode(for: error)
            if code == .success {
                Orgscope.exit(withError: error)  // --help, --version
            }
            if let exit = error as? ExitCode {
                Foundation.exit(exit.rawValue)
            }
            // Usage and validation errors exit 2, not ArgumentParser's 64: the contract has three statuses.
            let message = Orgscope.fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(ExitStatus.badInput)
        }
    }
}
