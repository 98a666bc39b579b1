import Analyses
import Expressions
import FigureCore

/// The commented template `survfig init` writes for a new paper repository.
///
/// It builds as written against a data file with the columns it names, so that a new user can
/// run it first and edit it second; a test builds it on a sample cohort.
public enum StarterTemplate {
  /// The columns of `data/cohort.csv` the starter reads.
  public static let columns = [
    "patient_id", "arm", "age", "sex", "stage", "ecog", "diagnosis_date", "progression_date", "death_date",
    "last_contact_date",
  ]

  public static let text = """
    # survfig report template. Build every figure, table and the report PDF into Output/ with
    #   survfig build report.yaml
    # Keys mirror the options of the commands (`survfig km --help`, `survfig forest --help`,
    # `survfig swimmer --help`); comments start with #.
    #
    # It expects data/cohort.csv with one row per patient and the columns
    #   \(columns.joined(separator: ", "))
    # (dates as 2019-03-14 or 14/03/2019; empty or NA is missing). Rename the columns below to
    # match your data.
    #
    # In a Makefile, rebuild only when the template, its data or survfig change (make -j safe):
    #   figures: Output/report.pdf
    #   Output/report.pdf: report.yaml
    #   	survfig build $< --out Output --depfile Output/report.d --quiet
    #   -include Output/report.d

    title: My study — survival analyses        # title of the report PDF
    # author: A. Author

    # Data files by name, relative to this template.
    data:
      cohort: data/cohort.csv
      # events: data/events.csv  # one row per event (patient_id, month, event), for the swimmer plot

    # Derived variables, computed in order from the columns of each data file. Durations between
    # dates in days, weeks, months (30.4375 days) or years; write literal dates in quotes
    # ("2019-12-31").
    derive:
      cohort:
        os_months: months_between(diagnosis_date, coalesce(death_date, last_contact_date))
        os_event: if death_date is missing then 0 else 1
        pfs_end: coalesce(progression_date, death_date, last_contact_date)
        pfs_months: months_between(diagnosis_date, pfs_end)
        pfs_event: if progression_date is missing and death_date is missing then 0 else 1
        pfs_ongoing: if pfs_event == 0 then "yes" else "no"
        age_group: if age >= 65 then "65 or older" else "under 65"

    # A preset (two-column, single-column, nature, lancet) or a mapping with overrides; every
    # figure may override font, font-size, line-width, palette and dpi.
    style:
      preset: two-column
      # columns: 1            # figures one column wide
      # font: serif           # Liberation Serif (Times-compatible) instead of Liberation Sans
      # font-size: 8          # base type size in points
      # line-width: 1         # curves, intervals, response lines
      # palette: grayscale    # okabe-ito (default), grayscale or ["#0072B2", "#D55E00"]
      # methods-in-caption: true

    # Endpoints: time and event columns reused by figures and tables; a filter keeps some rows.
    endpoints:
      os: {data: cohort, time: os_months, event: os_event, time-unit: months}
      pfs: {data: cohort, time: pfs_months, event: pfs_event, time-unit: months}
      # os-advanced: {data: cohort, time: os_months, event: os_event, time-unit: months, filter: stage in ("III", "IV")}

    figures:
      - id: os-by-arm
        type: km
        endpoint: os
        group: arm
        x-title: Time since diagnosis (months)
        x-by: 6
        times: 12, 24            # survival rates in the sidecar and the caption
        confidence-bands: true
        caption: >-
          Overall survival by arm ({{n}} patients, {{events}} deaths). Median
          {{#groups}}{{label}} {{median_text}} months; {{/groups}}log-rank {{logrank.p_text}}.

      - id: figure-2
        type: panels             # sub-figures labelled A, B, … sharing one size
        columns: 2
        panels:
          - {endpoint: os, group: arm, title: Overall survival, x-by: 6}
          - {endpoint: pfs, group: arm, title: Progression-free survival, x-by: 6, risk-table: kmunicate}
        caption: >-
          (A) Overall survival, log-rank {{panel.A.logrank.p_text}}. (B) Progression-free survival,
          log-rank {{panel.B.logrank.p_text}}.

      - id: forest-os
        type: forest             # univariable and multivariable Cox models side by side
        data: cohort
        model: Surv(os_months, os_event) ~ arm + age + sex + stage + factor(ecog)
        labels: {arm: Treatment arm, age: Age (per year), sex: Sex, stage: Stage, ecog: ECOG PS}
        caption: >-
          Hazard ratios for death ({{n}} patients, {{events}} deaths); P values by Wald tests.

      - id: swimmer-pfs
        type: swimmer            # one bar per patient until progression, death or last contact
        data: cohort
        filter: stage == "IV"    # a swimmer plot reads best with a few dozen patients
        id-column: patient_id
        end: pfs_months
        group: arm
        ongoing: pfs_ongoing
        time-unit: months
        x-title: Progression-free survival (months)
        ids: false
        # events: events         # markers from the events file named under 'data'
        # event-id: patient_id
        # event-time: month
        # event-type: event      # CR, PR, SD, PD, Death get their usual markers
        caption: Progression-free survival of each of the {{patients}} patients with stage IV disease.

    tables:
      - id: table-1
        type: characteristics    # n (%), median [IQR], P values by group
        data: cohort
        group: arm
        variables:
          - {column: age, label: Age (years)}
          - {column: sex, label: Sex}
          - {column: stage, label: Stage}
          - {column: ecog, label: ECOG performance status}
        title: Patient characteristics

      - id: table-2
        type: survival           # n, events, median (95% CI) and rates by group
        endpoint: os
        group: arm
        times: [12, 24]
        title: Overall survival by arm (months)

      - id: table-3
        type: cox                # univariable and multivariable hazard ratios
        data: cohort
        model: Surv(os_months, os_event) ~ arm + age + sex + stage + factor(ecog)
        labels: {arm: Treatment arm, age: Age (per year), sex: Sex, stage: Stage, ecog: ECOG PS}
        title: Cox proportional hazards models of death

    """
}
