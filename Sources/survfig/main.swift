import SurvfigCLI

SurvfigCommand.main()
