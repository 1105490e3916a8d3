import ArgumentParser
import Foundation
import OrgAnalysis
import OrgReport

/// `orgscope explain CODE`: one rule in full.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one rule in full: rationale, legal basis, parameters and examples.")

    @Argument(help: "The rule code, e.g. ACC001.")
    var code: String

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard RuleCatalog.rule(code: code) != nil || RuleCatalog.reviewRule(code: code) != nil else {
            let known = (RuleCatalog.all.map { $0.code } + RuleCatalog.reviewRules.map(\.code)).joined(separator: ", ")
            throw ValidationError("No rule has the code '\(code)'. Known codes: \(known).")
        }
    }

    func run() throws {
        if let rule = RuleCatalog.rule(code: code) {
            FileHandle.standardOutput.write(Data(RuleCatalogReporter.explain(rule, language: language.lang).utf8))
        } else if let review = RuleCatalog.reviewRule(code: code) {
            FileHandle.standardOutput.write(Data(RuleCatalogReporter.explain(review, language: language.lang).utf8))
        } else {
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
