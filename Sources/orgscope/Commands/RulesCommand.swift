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
            + "file line (or option) that set them.")

    @OptionGroup var language: LanguageOption

    @Option(help: ArgumentHelp("Province category whose column applies: special, I, II, III (default: II/III).",
                               valueName: "category"))
    var provinceCategory: ProvinceCategory?

    @OptionGroup(title: "Rules, dates and thresholds")
    var analysis: AnalysisOptions

    func run() throws {
        let configuration = try analysis.configuration()
        let chart = OrgChart(id: "", name: "", asOf: nil, provinceCategory: provinceCategory)
        let text = RuleCatalogReporter.catalog(language: language.lang) + "\n"
            + SettingsReporter.render(configuration: configuration, settings: configuration.settings(for: chart),
                                      language: language.lang)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension ProvinceCategory: ExpressibleByArgument {}
