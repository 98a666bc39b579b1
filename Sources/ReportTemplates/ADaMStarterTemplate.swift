/// The commented template `survfig init --adam` writes: the analyses of an oncology clinical
/// study report from CDISC ADaM data sets (ADSL, ADTTE, ADRS) as SAS transport files.
///
/// It builds as written against ADaM data sets with the variables it names; a test builds it
/// on public pharmaverse data.
public enum ADaMStarterTemplate {
  /// The data files the starter reads, relative to the template.
  public static let files = ["data/adsl.xpt", "data/adtte.xpt", "data/adrs.xpt"]

  public static let text = """
    # survfig report template for CDISC ADaM data. Build every figure, table and the report PDF
    # into Output/ with
    #   survfig build report.yaml
    # Keys mirror the options of the commands (`survfig km --help`, Documentation/reference/);
    # comments start with #.
    #
    # It expects SAS transport files (.xpt; .sas7bdat, .dta and .sav work too) of
    #   ADSL   USUBJID, TRT01P, SAFFL, AGE, SEX, RACE
    #   ADTTE  USUBJID, ARM, AGE, SEX, PARAMCD (OS, PFS), PARAM, AVAL, CNSR
    #   ADRS   USUBJID, ARM, SAFFL, PARAMCD (BOR), AVALC, TRTSDT, TRTEDT, ADT
    # ADaM's conventions are applied: AVAL is the time and CNSR = 0 an event (CNSR >= 1 a
    # censoring), PARAMCD must be chosen with `param`, `population` keeps the rows whose flag is
    # "Y", PARAM titles the time axis and AVALU gives its unit, a treatment variable follows its
    # numeric twin (TRT01P by TRT01PN) when the data have one.

    title: Clinical study report — efficacy analyses

    data:
      adsl: data/adsl.xpt
      adtte: data/adtte.xpt
      adrs: data/adrs.xpt

    # Durations of the swimmer plot, in days from the first dose.
    derive:
      adrs:
        treatment_days: days_between(TRTSDT, TRTEDT)
        response_day: days_between(TRTSDT, ADT)

    # One endpoint per ADTTE parameter; add `population: SAFFL` (or ITTFL, FASFL) when ADTTE
    # carries the flag, and `where:` for subgroups ('AGE >= 65').
    endpoints:
      os: {data: adtte, param: OS}
      pfs: {data: adtte, param: PFS}

    figures:
      - id: os-by-arm
        endpoint: os
        group: ARM
        display-unit: months     # AVAL in days (AVALU, or time-unit: days when the data lack it)
        time-unit: days
        x-by: 6
        caption: >-
          Overall survival by arm ({{n}} patients, {{events}} deaths). Median
          {{#groups}}{{label}} {{median_text}} months{{sep}}{{/groups}}; log-rank {{logrank.p_text}}.

      - id: pfs-by-arm
        endpoint: pfs
        group: ARM
        display-unit: months
        time-unit: days
        x-by: 6
        caption: >-
          Progression-free survival by arm ({{n}} patients, {{events}} progressions or deaths).

      - id: forest-os
        type: forest             # hazard ratios, univariable and multivariable
        data: adtte
        param: OS
        model: Surv(AVAL, CNSR == 0) ~ ARM + AGE + SEX
        labels: {ARM: Arm, AGE: Age (per year), SEX: Sex}
        caption: Hazard ratios for death ({{n}} patients, {{events}} deaths).

      - id: swimmer-responders
        type: swimmer            # one bar per patient with an evaluated best response
        data: adrs
        param: BOR
        population: SAFFL
        where: 'AVALC in ("CR", "PR", "SD", "NON-CR/NON-PD", "PD")'
        id-column: USUBJID
        end: treatment_days
        group: ARM
        events: adrs             # a marker at the best response of each patient
        event-id: USUBJID
        event-time: response_day
        event-type: AVALC
        time-unit: days
        display-unit: weeks
        x-title: Weeks since the first dose
        ids: false
        caption: Treatment duration and best overall response of the {{patients}} patients with an evaluated response.

    tables:
      - id: table-1
        type: characteristics    # demographics of the safety population by planned treatment
        data: adsl
        population: SAFFL
        group: TRT01P
        variables: [AGE, SEX, RACE]
        title: Demographics (safety population)

      - id: table-2
        type: survival           # n, events, median (95% CI) and rates by arm
        endpoint: os
        group: ARM
        time-unit: days
        display-unit: months
        times: [365, 730]
        title: Overall survival by arm (months)

      - id: table-3
        type: cox
        data: adtte
        param: OS
        model: Surv(AVAL, CNSR == 0) ~ ARM + AGE + SEX
        title: Cox proportional hazards models of death

      - id: table-4
        type: response           # best overall response; ORR and DCR over every subject
        data: adrs
        param: BOR
        population: SAFFL
        group: ARM
        title: Best overall response (safety population)

    """
}
