from studycli.launch import main

main()
