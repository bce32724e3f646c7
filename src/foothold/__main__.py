from foothold.cli import main

main()
