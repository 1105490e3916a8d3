import ArgumentParser
import Foundation
import OrgAnalysis
import OrgReport

/// `orgscope rules`: the rule catalogue.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rule catalogue: code, severity, title and legal basis.")

    @Option(help: "Language: vi or en.")
    var lang: Language = .vi

    func run() throws {
        FileHandle.standardOutput.write(Data(RuleCatalogReporter.catalog(language: lang).utf8))
    }
}

/// `orgscope explain CODE`: one rule in full.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule in full: rationale, legal basis and examples.")

    @Argument(help: "The rule code, e.g. ACC001.")
    var code: String

    @Option(help: "Language: vi or en.")
    var lang: Language = .vi

    func validate() throws {
        guard RuleCatalog.rule(code: code) != nil else {
            let known = RuleCatalog.all.map { $0.description.code }.joined(separator: ", ")
            throw ValidationError("No rule has the code '\(code)'. Known codes: \(known).")
        }
    }

    func run() throws {
        guard let rule = RuleCatalog.rule(code: code) else { throw ExitCode(ExitStatus.badInput) }
        FileHandle.standardOutput.write(Data(RuleCatalogReporter.explain(rule.description, language: lang).utf8))
    }
}
