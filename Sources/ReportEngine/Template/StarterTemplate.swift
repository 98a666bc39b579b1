/// The commented template `survfig init` writes for a new paper repository.
public enum StarterTemplate {
  public static let text = """
    # survfig report template: `survfig build report.yaml` writes every figure into Output/.
    # Keys mirror the options of `survfig km` (see `survfig km --help`); comments start with #.

    title: My study — survival analyses        # title of the report PDF
    # author: A. Author

    # Data files by name, relative to this template. One row per patient; empty or NA is missing.
    data:
      cohort: data/cohort.csv

    # A preset (two-column, single-column, nature, lancet) or a mapping with overrides.
    style:
      preset: two-column
      # columns: 1            # figures one column wide
      # font-size: 8          # base type size in points
      # palette: grayscale    # okabe-ito (default), grayscale or "#0072B2, #D55E00"

    # Endpoints: time and event columns reused by the figures.
    endpoints:
      os:
        data: cohort
        time: os_months       # follow-up time
        event: os_event       # 1 = death, 0 = censored (R's Surv() conventions)
        time-unit: months

    figures:
      - id: os-all
        type: km
        endpoint: os
        x-title: Time since diagnosis (months)
        times: 12, 24, 60     # survival rates reported in the sidecar and captions
        caption: >-
          Overall survival of all {{n}} patients ({{events}} deaths). Median
          {{#groups}}{{median_text}}{{/groups}} months.

      # - id: os-by-arm
      #   type: km
      #   endpoint: os
      #   group: arm
      #   group-labels: {A: Chemotherapy, B: Chemo-immunotherapy}
      #   confidence-bands: true
      #   caption: Overall survival by arm (log-rank {{logrank.p_text}}).

      # - id: figure-2
      #   type: panels        # sub-figures labelled A, B, …
      #   columns: 2
      #   panels:
      #     - {endpoint: os, group: arm}
      #     - {endpoint: os, group: stage}

    """
}
