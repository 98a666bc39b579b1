/// A reference of the methods paragraph: its BibTeX key, how a reference list prints it, and
/// its BibTeX entry.
struct MethodsReference: Hashable, Sendable {
  var key: String
  var text: String
  var bibtex: String

  static let kaplanMeier = MethodsReference(
    key: "kaplan1958",
    text:
      "Kaplan EL, Meier P. Nonparametric estimation from incomplete observations. J Am Stat Assoc. 1958;53:457–481.",
    bibtex:
      "@article{kaplan1958,\n  author = {Kaplan, E. L. and Meier, Paul},\n  title = {Nonparametric estimation from incomplete observations},\n  journal = {Journal of the American Statistical Association},\n  year = {1958},\n  volume = {53},\n  pages = {457--481}\n}"
  )
  static let greenwood = MethodsReference(
    key: "greenwood1926",
    text:
      "Greenwood M. The natural duration of cancer. Reports on Public Health and Medical Subjects. 1926;33:1–26.",
    bibtex:
      "@article{greenwood1926,\n  author = {Greenwood, Major},\n  title = {The natural duration of cancer},\n  journal = {Reports on Public Health and Medical Subjects},\n  year = {1926},\n  volume = {33},\n  pages = {1--26}\n}"
  )
  static let schemper = MethodsReference(
    key: "schemper1996",
    text:
      "Schemper M, Smith TL. A note on quantifying follow-up in studies of failure time. Control Clin Trials. 1996;17:343–346.",
    bibtex:
      "@article{schemper1996,\n  author = {Schemper, Michael and Smith, Terry L.},\n  title = {A note on quantifying follow-up in studies of failure time},\n  journal = {Controlled Clinical Trials},\n  year = {1996},\n  volume = {17},\n  pages = {343--346}\n}"
  )
  static let mantel = MethodsReference(
    key: "mantel1966",
    text:
      "Mantel N. Evaluation of survival data and two new rank order statistics arising in its consideration. Cancer Chemother Rep. 1966;50:163–170.",
    bibtex:
      "@article{mantel1966,\n  author = {Mantel, Nathan},\n  title = {Evaluation of survival data and two new rank order statistics arising in its consideration},\n  journal = {Cancer Chemotherapy Reports},\n  year = {1966},\n  volume = {50},\n  pages = {163--170}\n}"
  )
  static let harringtonFleming = MethodsReference(
    key: "harrington1982",
    text:
      "Harrington DP, Fleming TR. A class of rank test procedures for censored survival data. Biometrika. 1982;69:553–566.",
    bibtex:
      "@article{harrington1982,\n  author = {Harrington, David P. and Fleming, Thomas R.},\n  title = {A class of rank test procedures for censored survival data},\n  journal = {Biometrika},\n  year = {1982},\n  volume = {69},\n  pages = {553--566}\n}"
  )
  static let cox = MethodsReference(
    key: "cox1972",
    text: "Cox DR. Regression models and life-tables. J R Stat Soc Series B. 1972;34:187–220.",
    bibtex:
      "@article{cox1972,\n  author = {Cox, D. R.},\n  title = {Regression models and life-tables},\n  journal = {Journal of the Royal Statistical Society, Series B},\n  year = {1972},\n  volume = {34},\n  pages = {187--220}\n}"
  )
  static let efron = MethodsReference(
    key: "efron1977",
    text:
      "Efron B. The efficiency of Cox's likelihood function for censored data. J Am Stat Assoc. 1977;72:557–565.",
    bibtex:
      "@article{efron1977,\n  author = {Efron, Bradley},\n  title = {The efficiency of {Cox's} likelihood function for censored data},\n  journal = {Journal of the American Statistical Association},\n  year = {1977},\n  volume = {72},\n  pages = {557--565}\n}"
  )
  static let breslow = MethodsReference(
    key: "breslow1974",
    text: "Breslow N. Covariance analysis of censored survival data. Biometrics. 1974;30:89–99.",
    bibtex:
      "@article{breslow1974,\n  author = {Breslow, Norman},\n  title = {Covariance analysis of censored survival data},\n  journal = {Biometrics},\n  year = {1974},\n  volume = {30},\n  pages = {89--99}\n}"
  )
  static let grambschTherneau = MethodsReference(
    key: "grambsch1994",
    text:
      "Grambsch PM, Therneau TM. Proportional hazards tests and diagnostics based on weighted residuals. Biometrika. 1994;81:515–526.",
    bibtex:
      "@article{grambsch1994,\n  author = {Grambsch, Patricia M. and Therneau, Terry M.},\n  title = {Proportional hazards tests and diagnostics based on weighted residuals},\n  journal = {Biometrika},\n  year = {1994},\n  volume = {81},\n  pages = {515--526}\n}"
  )
  static let clopperPearson = MethodsReference(
    key: "clopper1934",
    text:
      "Clopper CJ, Pearson ES. The use of confidence or fiducial limits illustrated in the case of the binomial. Biometrika. 1934;26:404–413.",
    bibtex:
      "@article{clopper1934,\n  author = {Clopper, C. J. and Pearson, E. S.},\n  title = {The use of confidence or fiducial limits illustrated in the case of the binomial},\n  journal = {Biometrika},\n  year = {1934},\n  volume = {26},\n  pages = {404--413}\n}"
  )
  static let wilson = MethodsReference(
    key: "wilson1927",
    text:
      "Wilson EB. Probable inference, the law of succession, and statistical inference. J Am Stat Assoc. 1927;22:209–212.",
    bibtex:
      "@article{wilson1927,\n  author = {Wilson, Edwin B.},\n  title = {Probable inference, the law of succession, and statistical inference},\n  journal = {Journal of the American Statistical Association},\n  year = {1927},\n  volume = {22},\n  pages = {209--212}\n}"
  )
  static let fisher = MethodsReference(
    key: "fisher1922",
    text:
      "Fisher RA. On the interpretation of χ² from contingency tables, and the calculation of P. J R Stat Soc. 1922;85:87–94.",
    bibtex:
      "@article{fisher1922,\n  author = {Fisher, R. A.},\n  title = {On the interpretation of $\\chi^2$ from contingency tables, and the calculation of {P}},\n  journal = {Journal of the Royal Statistical Society},\n  year = {1922},\n  volume = {85},\n  pages = {87--94}\n}"
  )
  static let aalenJohansen = MethodsReference(
    key: "aalen1978",
    text:
      "Aalen OO, Johansen S. An empirical transition matrix for non-homogeneous Markov chains based on censored observations. Scand J Stat. 1978;5:141–150.",
    bibtex:
      "@article{aalen1978,\n  author = {Aalen, Odd O. and Johansen, S{\\o}ren},\n  title = {An empirical transition matrix for non-homogeneous {Markov} chains based on censored observations},\n  journal = {Scandinavian Journal of Statistics},\n  year = {1978},\n  volume = {5},\n  pages = {141--150}\n}"
  )
  static let gray = MethodsReference(
    key: "gray1988",
    text:
      "Gray RJ. A class of K-sample tests for comparing the cumulative incidence of a competing risk. Ann Stat. 1988;16:1141–1154.",
    bibtex:
      "@article{gray1988,\n  author = {Gray, Robert J.},\n  title = {A class of {K}-sample tests for comparing the cumulative incidence of a competing risk},\n  journal = {The Annals of Statistics},\n  year = {1988},\n  volume = {16},\n  pages = {1141--1154}\n}"
  )
  static let fineGray = MethodsReference(
    key: "fine1999",
    text:
      "Fine JP, Gray RJ. A proportional hazards model for the subdistribution of a competing risk. J Am Stat Assoc. 1999;94:496–509.",
    bibtex:
      "@article{fine1999,\n  author = {Fine, Jason P. and Gray, Robert J.},\n  title = {A proportional hazards model for the subdistribution of a competing risk},\n  journal = {Journal of the American Statistical Association},\n  year = {1999},\n  volume = {94},\n  pages = {496--509}\n}"
  )
}
