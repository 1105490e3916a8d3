import ArgumentParser
import Foundation
import OrgAnalysis
import OrgModel
import OrgReport

/// `orgscope rules`: the rule catalogue, and the settings in force.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rule catalogue and the settings in force: thresholds, their legal source or the rules "
            + "file line that set them.")

    @Option(help: "Language: vi or en.")
    var lang: Language = .vi

    @Option(help: ArgumentHelp("A YAML rules file to apply (as analyze --rules).", valueName: "file"))
    var rules: String?

    @Option(help: ArgumentHelp("Show the regime in force on this date (YYYY-MM-DD); default: the latest.", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Province category whose column applies: special, I, II, III (default: II/III).",
                               valueName: "category"))
    var provinceCategory: ProvinceCategory?

    func validate() throws {
        if let asOf, ChartDate(iso: asOf) == nil { throw ValidationError("--as-of takes a date as YYYY-MM-DD, not '\(asOf)'.") }
    }

    func run() throws {
        var options = try AnalysisOptions.parse(rules.map { ["--rules", $0] } ?? [])
        options.asOf = asOf
        let configuration = try options.configuration()
        let chart = OrgChart(id: "", name: "", asOf: nil, provinceCategory: provinceCategory)
        let text = RuleCatalogReporter.catalog(language: lang) + "\n"
            + SettingsReporter.render(configuration: configuration, settings: configuration.settings(for: chart),
                                      language: lang)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension ProvinceCategory: ExpressibleByArgument {}

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
